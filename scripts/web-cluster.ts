// The web server as several web processes (scripts/web-server.ts) sharing one
// port (node:cluster: this process holds the listening socket and hands each
// new connection to the next process in turn). One Node process renders one
// page at a time; with several, pages render on every core. Started by
// scripts/start.ts when CONSOLE_WEB_PROCESSES > 1, with the web process's
// script and arguments after the process count:
//   web-cluster.ts <processes> <script> -p <port> -H <host>
// Every process is stateless apart from per-process caches (sessions, rate
// limits, job queues and the audit chain live in Postgres).
// SIGTERM/SIGINT: each process finishes its requests and exits, then this
// one does. If one exits by itself, the others are stopped and this process
// exits with its code, as a lone web process would.
import cluster, { type Worker } from "node:cluster";

const [count, script, ...args] = process.argv.slice(2);
const processes = Number(count);
if (!Number.isInteger(processes) || processes < 1 || !script) {
  console.error("usage: web-cluster.ts <processes> <script> -p <port> -H <host>");
  process.exit(2);
}

// The web processes run with this process's Node options (the tsx loader).
cluster.setupPrimary({ exec: script, args });

let stopping = false;
let exitCode = 0;
const running = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());

function stop(code: number) {
  if (!stopping) {
    stopping = true;
    exitCode = code;
  }
  for (const worker of running()) worker.process.kill("SIGTERM");
  if (running().length === 0) process.exit(exitCode);
}

cluster.on("exit", (worker: Worker, code: number | null, signal: string | null) => {
  if (!stopping) {
    console.error(`[console] web process ${worker.process.pid} exited (${signal ?? code}); stopping the others`);
    stop(code || 1);
    return;
  }
  if (running().length === 0) process.exit(exitCode);
});

process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));

for (let i = 0; i < processes; i++) cluster.fork();
