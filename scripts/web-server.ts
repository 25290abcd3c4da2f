// One web process of the console: Next.js's request handler behind a plain
// node:http server, as `next start` (or `next dev` with --dev) would run it,
// except that every request is first stamped at the socket with the client's
// address (lib/http/edge-stamp.ts): Next itself keeps a client's own
// X-Forwarded-For and hands the app no socket address. Run by
// scripts/start.ts, alone or as each process of scripts/web-cluster.ts:
//   web-server.ts [--dev] -p <port> -H <host>
// SIGTERM/SIGINT: stop accepting, finish the requests in flight, exit 0.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { stampRequest } from "../lib/http/edge-stamp";
import { trustedProxies } from "../lib/http/trusted-proxies";
import { loopbackOrigin } from "./lib/loopback-origin";

const { values } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", short: "p", default: "3000" },
    host: { type: "string", short: "H", default: "0.0.0.0" },
  },
});
const dev = values.dev;
const port = Number(values.port);
const host = values.host;

let isTrusted: (address: string) => boolean;
try {
  isTrusted = trustedProxies(process.env.CONSOLE_TRUSTED_PROXIES);
} catch (err) {
  console.error(`[console] ${err instanceof Error ? err.message : err}`);
  process.exit(2);
}
// scripts/start.ts shares one key among all web processes; alone, this one makes its own.
const key = process.env.CONSOLE_EDGE_KEY || randomBytes(32).toString("base64url");
process.env.CONSOLE_EDGE_KEY = key;
// Next asks itself for the page a server action redirects to, at this origin
// (`next start` sets it the same way): a loopback address reaches this server
// whatever it listens on, and never leaks the bind address into a URL.
process.env.__NEXT_PRIVATE_ORIGIN ??= loopbackOrigin(host, port);

const server = http.createServer();
const app = next({ dev, dir: process.cwd(), hostname: host, port, httpServer: server });
const handle = app.getRequestHandler();

server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
  stampRequest(req.headers, req.socket as { remoteAddress?: string; encrypted?: boolean }, { key, isTrusted });
  handle(req, res).catch((err: unknown) => {
    console.error(`[console] failed to handle ${req.method} ${req.url}`, err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  // Requests in flight finish; idle keep-alive connections are closed at once.
  const forced = setTimeout(() => server.closeAllConnections(), 15_000);
  forced.unref();
  server.close(() => void app.close().finally(() => process.exit(0)));
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

await app.prepare();
server.listen(port, host);
