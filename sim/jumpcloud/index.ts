import type { SimSize } from "../core/directory";
import { type SimRequest, SimServer } from "../core/http-server";
import { JumpCloudApp, type ListHandler, type OrgHandler, type RateLimit, type SimContext } from "./app";
import { JUMPCLOUD_SIM_CREDENTIALS, JUMPCLOUD_SIM_ORG_IDS, type JumpCloudSimCredentials } from "./credentials";
import { readListQuery } from "./list-params";
import { listRules } from "./openapi/list-rules";
import { registerRoutes } from "./routes";
import { processDue } from "./routes-bulk";
import { buildState, type JumpCloudState } from "./state";

export type { JumpCloudSimCredentials, JumpCloudState, RateLimit };
export { JUMPCLOUD_SIM_CREDENTIALS, JUMPCLOUD_SIM_ORG_IDS };

export interface JumpCloudSimOptions {
  size?: SimSize;
  seed?: number;
  credentials?: Partial<JumpCloudSimCredentials>;
  /** Default from SIM_JUMPCLOUD_RATE_LIMIT (requests per minute); unlimited when unset. */
  rateLimit?: RateLimit;
}

/**
 * A loopback JumpCloud: v1 (/api) and v2 (/api/v2) under one origin, so the
 * client's baseUrl is the simulator's URL. The single-org key manages the
 * first organisation; the MSP key manages all of them and must send x-org-id.
 */
export function createJumpCloudSim(opts: JumpCloudSimOptions = {}) {
  const credentials: JumpCloudSimCredentials = { ...JUMPCLOUD_SIM_CREDENTIALS, ...opts.credentials };
  const state = buildState(opts.size ?? "small", opts.seed);
  const server = new SimServer({ envPrefix: "SIM_JUMPCLOUD" });
  const envLimit = Number(process.env.SIM_JUMPCLOUD_RATE_LIMIT ?? 0);
  const app = new JumpCloudApp(server, state, credentials, opts.rateLimit ?? { requests: envLimit, windowMs: 60_000 });
  const route = <P extends string>(method: string, path: P, handler: OrgHandler<P>) =>
    app.route(method, path, (req: SimRequest<P>, org, body) => {
      processDue(state);
      return handler(req, org, body);
    });
  // Rules are read when the route is registered, so a list route without them fails at start-up.
  const pageReader = (method: string, path: string) => {
    const rules = listRules(method, path);
    return (q: URLSearchParams) => readListQuery(q, rules);
  };
  const ctx: SimContext = {
    state,
    route,
    list: <P extends string>(path: P, handler: ListHandler<P>) => {
      const readPage = pageReader("GET", path);
      route("GET", path, (req: SimRequest<P>, org) => handler(req, org, readPage(req.query)));
    },
    pageReader,
  };
  registerRoutes(ctx);
  return { server, state, credentials: { ...credentials, orgIds: [...state.orgs.keys()] }, app };
}
