import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { freePort } from "../lib/db/embedded";
import { webProcessCount } from "./lib/web-processes";

// A stand-in for scripts/web-server.ts: takes the same -p/-H arguments, answers with its pid, exits on
// SIGTERM after closing its server as Next does (143), and exits by itself on /crash.
const FAKE_SERVER = `
import http from "node:http";
const arg = (flag) => process.argv[process.argv.indexOf(flag) + 1];
const server = http.createServer((req, res) => {
  if (req.url === "/crash") { res.end("bye"); setTimeout(() => process.exit(3), 50); return; }
  res.end(String(process.pid));
});
server.listen(Number(arg("-p")), arg("-H"));
process.on("SIGTERM", () => server.close(() => process.exit(143)));
`;

const dir = mkdtempSync(path.join(tmpdir(), "web-cluster-"));
const fakeServer = path.join(dir, "fake-server.mjs");
writeFileSync(fakeServer, FAKE_SERVER);
let primary: ChildProcess | null = null;

afterEach(() => {
  if (primary && primary.exitCode === null && primary.signalCode === null) primary.kill("SIGKILL");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function startCluster(processes: number) {
  const port = await freePort();
  primary = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/web-cluster.ts", String(processes), fakeServer, "-p", String(port), "-H", "127.0.0.1"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const exited = new Promise<number | null>((resolve) => primary!.once("exit", (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  // New connections go to each process in turn: ask until every one has answered.
  const pids = new Set<string>();
  const deadline = Date.now() + 20_000;
  while (pids.size < processes && Date.now() < deadline) {
    try {
      pids.add(await (await fetch(base, { headers: { connection: "close" } })).text());
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { base, pids, exited };
}

const alive = (pid: string) => {
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
};

describe("web-cluster (several web processes on one port)", () => {
  it("serves one port from every process, and SIGTERM stops them all before it exits 0", async () => {
    const { pids, exited } = await startCluster(2);
    expect(pids.size).toBe(2);
    primary!.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of pids) expect(alive(pid)).toBe(false);
  }, 30_000);

  it("stops the others and exits with its code when one process " +
    "exits by itself, as a lone web process would", async () => {
    const { base, pids, exited } = await startCluster(2);
    expect(pids.size).toBe(2);
    await fetch(`${base}/crash`, { headers: { connection: "close" } });
    expect(await exited).toBe(3);
    for (const pid of pids) expect(alive(pid)).toBe(false);
  }, 30_000);
});

describe("webProcessCount", () => {
  it("is CONSOLE_WEB_PROCESSES when set, else one per core up to four", () => {
    expect(webProcessCount("3", 2)).toBe(3);
    expect(webProcessCount("1", 8)).toBe(1);
    expect(webProcessCount(undefined, 2)).toBe(2);
    expect(webProcessCount("", 1)).toBe(1);
    expect(webProcessCount(undefined, 16)).toBe(4);
    expect(() => webProcessCount("0", 2)).toThrow(/CONSOLE_WEB_PROCESSES/);
    expect(() => webProcessCount("two", 2)).toThrow(/CONSOLE_WEB_PROCESSES/);
  });
});
