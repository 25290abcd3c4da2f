import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback HTTP server that passes every request on to `target` (a
 * simulator), first awaiting `before` with the request's method and URL, so
 * that a test can change the vendor's state at an exact point of a client's
 * walk that it cannot reach otherwise (a sync run makes its own client).
 */
export async function interceptingProxy(target: string, before: (method: string, url: URL) => void | Promise<void>) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", target);
    try {
      await before(req.method ?? "GET", url);
    } catch (err) {
      res.writeHead(500).end(String(err));
      return;
    }
    const upstream = http.request(
      url,
      { method: req.method, headers: { ...req.headers, host: url.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", (err) => {
      if (res.headersSent) res.destroy(err);
      else res.writeHead(502).end(String(err));
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
