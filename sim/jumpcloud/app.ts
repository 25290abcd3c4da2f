import { json, type SimRequest, type SimResponse, type SimServer } from "../core/http-server";
import type { JumpCloudSimCredentials } from "./credentials";
import { jcError, SimFailure } from "./errors";
import { OBJECT_ID } from "./ids";
import type { ListPage } from "./list-params";
import { requestBodyValidator } from "./openapi/request-validator";
import type { JumpCloudState, Org } from "./state";

/** body: the request body parsed and checked against the documented operation (undefined when it documents none). */
export type OrgHandler<P extends string = string> = (
  req: SimRequest<P>,
  org: Org,
  body: unknown,
) => SimResponse | Promise<SimResponse>;
export type ListHandler<P extends string = string> = (
  req: SimRequest<P>,
  org: Org,
  page: ListPage,
) => SimResponse | Promise<SimResponse>;

export interface RateLimit {
  /** Requests allowed per window, across all documented routes; 0 = unlimited. */
  requests: number;
  windowMs: number;
}

export interface SimContext {
  state: JumpCloudState;
  route<P extends string>(method: string, path: P, handler: OrgHandler<P>): void;
  /**
   * A GET list route: the page is read under the route's documented
   * query rules (openapi/list-rules.ts) before the handler runs.
   */
  list<P extends string>(path: P, handler: ListHandler<P>): void;
  /**
   * Reads a page under a route's documented query rules, for a list
   * route that is not a plain GET (v1 POST /search/systemusers).
   */
  pageReader(method: string, path: string): (q: URLSearchParams) => ListPage;
}

/**
 * Everything JumpCloud does before an operation runs: the API key, x-org-id,
 * the rate limit, the request body against the documented operation. Also
 * counts requests and can fail a write after it was applied (the "outcome
 * unknown" case clients must not resend).
 */
export class JumpCloudApp implements Pick<SimContext, "state" | "route"> {
  readonly requestCounts = new Map<string, number>();
  rateLimit: RateLimit;
  private window = { start: 0, count: 0 };
  afterWrite = { fail500: 0, hang: 0 };

  constructor(
    readonly server: SimServer,
    readonly state: JumpCloudState,
    readonly credentials: JumpCloudSimCredentials,
    rateLimit: RateLimit,
  ) {
    this.rateLimit = rateLimit;
    server.sim("GET", "/__sim/requests", () => json(200, Object.fromEntries(this.requestCounts)));
    server.sim("DELETE", "/__sim/requests", () => {
      this.requestCounts.clear();
      return { status: 204 };
    });
    server.sim("PUT", "/__sim/ratelimit", (req) => {
      const b = JSON.parse(req.body || "{}") as Partial<RateLimit>;
      this.rateLimit = {
        requests: Number(b.requests ?? this.rateLimit.requests),
        windowMs: Number(b.windowMs ?? this.rateLimit.windowMs),
      };
      this.window = { start: 0, count: 0 };
      return json(200, this.rateLimit);
    });
    server.sim("PUT", "/__sim/after-write", (req) => {
      const b = JSON.parse(req.body || "{}") as Partial<{ fail500: number; hang: number }>;
      this.afterWrite = { fail500: Number(b.fail500 ?? 0), hang: Number(b.hang ?? 0) };
      return json(200, this.afterWrite);
    });
    server.sim("PUT", "/__sim/bulk-delay", (req) => {
      state.bulkDelayMs = Number((JSON.parse(req.body || "{}") as { ms?: number }).ms ?? state.bulkDelayMs);
      return json(200, { ms: state.bulkDelayMs });
    });
    server.sim("GET", "/__sim/orgs", () =>
      json(
        200,
        [...state.orgs.values()].map((o) => ({
          id: o.id,
          name: o.name,
          domain: o.domain,
          users: o.users.size,
          systems: o.systems.size,
        })),
      ),
    );
    server.sim("GET", "/__sim/orgs/:orgId/commands", (req) =>
      json(200, state.orgs.get(req.params.orgId)?.commands ?? []),
    );
  }

  route<P extends string>(method: string, path: P, handler: OrgHandler<P>): void {
    const label = `${method} ${path}`;
    const readBody = requestBodyValidator(method, path);
    this.server.route(method, path, async (req: SimRequest<P>) => {
      this.requestCounts.set(label, (this.requestCounts.get(label) ?? 0) + 1);
      const limited = this.checkRateLimit();
      if (limited) return limited;
      const org = this.authenticate(req);
      if (!("id" in org)) return org;
      let out: SimResponse;
      try {
        out = await handler(req, org, readBody(req.body));
      } catch (err) {
        if (err instanceof SimFailure) return err.response;
        throw err;
      }
      if (method !== "GET" && out.status < 300) {
        if (this.afterWrite.hang > 0) {
          this.afterWrite.hang--;
          return new Promise<SimResponse>(() => {});
        }
        if (this.afterWrite.fail500 > 0) {
          this.afterWrite.fail500--;
          return jcError(500, "Internal Server Error");
        }
      }
      return out;
    });
  }

  private checkRateLimit(): SimResponse | null {
    const { requests, windowMs } = this.rateLimit;
    if (!requests) return null;
    const now = Date.now();
    if (now - this.window.start >= windowMs) this.window = { start: now, count: 0 };
    if (++this.window.count <= requests) return null;
    const wait = Math.max(1, Math.ceil((this.window.start + windowMs - now) / 1000));
    return jcError(429, "Too Many Requests", { "retry-after": String(wait) });
  }

  private authenticate(req: SimRequest): Org | SimResponse {
    const key = header(req, "x-api-key");
    const orgHeader = header(req, "x-org-id");
    const msp = key === this.credentials.mspApiKey;
    if (!key || (!msp && key !== this.credentials.apiKey)) return jcError(401, "Unauthorized");
    if (orgHeader !== undefined && !OBJECT_ID.test(orgHeader)) return jcError(400, "Malformed ID.");
    const [own] = this.state.orgs.values();
    if (!own) return jcError(404, "Organization ID Not Found.");
    if (msp) {
      if (orgHeader === undefined) return jcError(401, "ID not included for multi-tenant admin");
      return this.state.orgs.get(orgHeader.toLowerCase()) ?? jcError(404, "Organization ID Not Found.");
    }
    if (orgHeader !== undefined && orgHeader.toLowerCase() !== own.id)
      return jcError(404, "Organization ID Not Found.");
    return own;
  }
}

export function header(req: SimRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
