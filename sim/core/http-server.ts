import http from "node:http";
import type { AddressInfo } from "node:net";
import { Faults, faultsFromEnv } from "./faults";

/** The `:name` keys of a route pattern ("/users/:id/devices/:deviceId" → "id" | "deviceId"). */
type ParamKeys<P extends string> = P extends `${string}:${infer K}/${infer Rest}`
  ? K | ParamKeys<`/${Rest}`>
  : P extends `${string}:${infer K}`
    ? K
    : never;

/** A route's path parameters: every key its pattern names is there once it matched. */
export type PathParams<P extends string> = string extends P
  ? Readonly<Partial<Record<string, string>>>
  : { readonly [K in ParamKeys<P>]: string };

export interface SimRequest<P extends string = string> {
  method: string;
  /** Path without the query string, as sent (case preserved). */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Raw body text. */
  body: string;
  /** Path parameters captured by the route pattern. */
  params: PathParams<P>;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON; undefined as an empty body. */
  body?: unknown;
}

/** A parameter of a route whose pattern is only known at run time; its absence is a route written wrong. */
export function paramOf(req: SimRequest, key: string): string {
  const value = req.params[key];
  if (value === undefined) throw new Error(`The route ${req.path} has no :${key} parameter.`);
  return value;
}

export type Handler<P extends string = string> = (req: SimRequest<P>) => SimResponse | Promise<SimResponse>;

function render(out: SimResponse): { status: number; headers: Record<string, string>; payload: string } {
  const headers: Record<string, string> = { ...out.headers };
  let payload = "";
  if (out.body !== undefined) {
    if (typeof out.body === "string") payload = out.body;
    else {
      payload = JSON.stringify(out.body);
      headers["content-type"] ??= "application/json; charset=utf-8";
    }
  }
  return { status: out.status, headers, payload };
}

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

export interface SimServerOptions {
  /** e.g. "SIM_TRUGRID": fault knobs come from SIM_TRUGRID_LATENCY_MS and friends. */
  envPrefix: string;
  /** Route matching ignores case (TruGrid's ASP.NET-style routing). */
  caseInsensitive?: boolean;
  /**
   * The vendor's rate limit, asked before an injected server error is
   * answered: a request the vendor admits counts against its limit even
   * when its servers then fail (null: admitted and counted), and one over
   * the limit is refused as the vendor would refuse it. Requests that are
   * not failed are limited by the route itself.
   */
  rateLimit?: (req: SimRequest) => SimResponse | null;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): SimResponse => ({
  status,
  body,
  headers,
});
export const text = (status: number, body: string): SimResponse => ({
  status,
  body,
  headers: { "content-type": "text/plain; charset=utf-8" },
});

/**
 * A small HTTP server for a vendor simulator: routes with `:param` patterns,
 * fault injection on every documented route, and a `/__sim/` prefix for
 * inspection and knobs that clients never call.
 */
export class SimServer {
  private routes: Route[] = [];
  private simRoutes: Route[] = [];
  private server: http.Server | null = null;
  private requestCount = 0;
  faults: Faults;

  constructor(private readonly opts: SimServerOptions) {
    this.faults = faultsFromEnv(opts.envPrefix);
    this.sim("GET", "/__sim/faults", () => json(200, this.faults));
    this.sim("PUT", "/__sim/faults", (req) => {
      const parsed = Faults.safeParse({ ...this.faults, ...JSON.parse(req.body || "{}") });
      if (!parsed.success) return json(400, { error: parsed.error.message });
      this.faults = parsed.data;
      return json(200, this.faults);
    });
  }

  private compile<P extends string>(method: string, path: P, handler: Handler<P>): Route {
    const keys: string[] = [];
    const source = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:(\w+)/g, (_, k: string) => {
      keys.push(k);
      return "([^/]+)";
    });
    // The pattern captures every key, so a matched request has each one.
    return {
      method,
      keys,
      handler: handler as Handler,
      pattern: new RegExp(`^${source}$`, this.opts.caseInsensitive ? "i" : ""),
    };
  }

  route<P extends string>(method: string, path: P, handler: Handler<P>): this {
    this.routes.push(this.compile(method, path, handler));
    return this;
  }

  /** A route under /__sim/: no faults, never used by clients. */
  sim<P extends string>(method: string, path: P, handler: Handler<P>): this {
    this.simRoutes.push(this.compile(method, path, handler));
    return this;
  }

  private match(routes: Route[], method: string, path: string) {
    let pathMatched = false;
    for (const r of routes) {
      const m = r.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== method) continue;
      return { route: r, params: Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1] ?? "")])) };
    }
    return pathMatched ? "method" : null;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const arrived = performance.now();
    const url = new URL(req.url ?? "/", "http://sim");
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const isSim = url.pathname.startsWith("/__sim/");
    const found = this.match(isSim ? this.simRoutes : this.routes, req.method ?? "GET", url.pathname);
    let out: SimResponse;
    if (found === null) out = json(404, { message: "Not Found" });
    else if (found === "method") out = json(405, { message: "Method Not Allowed" });
    else {
      const fault = isSim ? null : this.takeFault();
      if (fault === "hang") return; // the socket stays open until the client gives up
      const simReq: SimRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        params: found.params,
      };
      if (fault) out = (fault.status >= 500 && this.opts.rateLimit?.(simReq)) || fault;
      else {
        try {
          out = await found.route.handler(simReq);
        } catch (err) {
          out = json(500, { message: `simulator error: ${(err as Error).message}` });
        }
      }
    }
    const answer = render(out);
    // The latency knob is the vendor's response time: the work above is part
    // of it, as a real vendor's is, rather than added on top.
    const wait = isSim ? 0 : this.faults.latencyMs - (performance.now() - arrived);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    res.writeHead(answer.status, answer.headers);
    res.end(answer.payload);
  }

  /** A fault for this request, if one is due. */
  private takeFault(): SimResponse | "hang" | null {
    const n = ++this.requestCount;
    const f = this.faults;
    if (f.hang > 0) {
      f.hang--;
      return "hang";
    }
    if (f.burst429 > 0) {
      f.burst429--;
      return json(429, { message: "Too Many Requests" }, { "retry-after": String(f.retryAfterSeconds) });
    }
    // Deterministic: every k-th request fails, k = 1/errorRate.
    if (f.errorRate > 0 && n % Math.max(1, Math.round(1 / f.errorRate)) === 0)
      return json(500, { message: "Internal Server Error" });
    return null;
  }

  async listen(port = 0, host = "127.0.0.1"): Promise<{ url: string; port: number }> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, host, resolve);
    });
    const { port: actual } = this.server.address() as AddressInfo;
    return { url: `http://${host}:${actual}`, port: actual };
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
    this.server = null;
  }
}
