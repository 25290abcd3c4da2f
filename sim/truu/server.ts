import type { SimSize } from "../core/directory";
import { type Handler, json, type SimRequest, type SimResponse, SimServer } from "../core/http-server";
import { TokenIssuer } from "./auth";
import { TRUU_SIM_CREDENTIALS, type TruuSimCredentials } from "./credentials";
import { assetJson, dataUserJson, domainUserJson, systemDeviceJson, userJson } from "./render";
import { PAGE_SIZE, TruuState } from "./state";

export interface TruuSimOptions {
  size?: SimSize;
  seed?: number;
  credentials?: TruuSimCredentials;
  /** Seed only this company (a DNS domain of the directory); default: all of them. */
  domain?: string;
  /** Requests the log holds at most (default 20,000); GET /__sim/requests says how many older ones were dropped. */
  requestLogLimit?: number;
}

export interface TruuSim {
  server: SimServer;
  state: TruuState;
  credentials: TruuSimCredentials;
}

const NOT_FOUND = { detail: "Not found." };
const INVALID_PAGE = { detail: "Invalid page." };

/**
 * A loopback TruU tenant seeded from the shared directory. Besides TruU's own
 * routes it has, under /__sim/: `GET|DELETE requests` (the log of the latest
 * requests that reached a TruU route), `POST revoke-tokens`, `POST fail-after-write`
 * `{count}` (the next deletes are carried out, then answered 500, so the
 * outcome looks unknown to the client) and `GET summary`.
 */
export function createTruuSim(opts: TruuSimOptions = {}): TruuSim {
  const credentials = opts.credentials ?? { ...TRUU_SIM_CREDENTIALS };
  const state = new TruuState(opts.size ?? "small", opts.seed, opts.domain);
  const server = new SimServer({ envPrefix: "SIM_TRUU" });
  const issuer = new TokenIssuer(credentials, state.ownDomain.key, () => server.faults.tokenTtlSeconds);
  const log: { method: string; path: string; query: string }[] = [];
  // The log keeps the latest requests only: a demo console syncs on a
  // schedule for days, and an endless log would be a leak in the simulator.
  let dropped = 0;
  const logLimit = Math.max(2, opts.requestLogLimit ?? 20_000);
  let failAfterWrite = 0;

  const logged =
    <P extends string>(h: Handler<P>): Handler<P> =>
    (req) => {
      if (log.length >= logLimit) dropped += log.splice(0, Math.ceil(logLimit / 2)).length;
      log.push({ method: req.method, path: req.path, query: req.query.toString() });
      return h(req);
    };
  const authed = <P extends string>(h: Handler<P>): Handler<P> => logged((req) => issuer.check(req) ?? h(req));
  const write = <P extends string>(h: Handler<P>): Handler<P> =>
    authed(async (req) => {
      const out = await h(req);
      if (out.status < 400 && failAfterWrite > 0) {
        failAfterWrite--;
        return json(500, { detail: "A server error occurred." });
      }
      return out;
    });
  // Django's APPEND_SLASH answer: before authentication, no results.
  const redirect: Handler = logged((req) => {
    const qs = req.query.toString();
    return { status: 301, headers: { location: `${req.path}/${qs ? `?${qs}` : ""}` } };
  });
  const both = <P extends string>(path: P, h: Handler<P>, methods = ["GET"]) => {
    // A trailing slash names no parameter: the handler reads the same keys on both paths.
    for (const m of methods) server.route(m, `${path}/` as P, h).route(m, path, redirect);
  };

  server.route(
    "POST",
    "/oauth/token",
    logged((req) => issuer.issue(req)),
  );
  server.route(
    "POST",
    "/oauth/token/",
    logged((req) => issuer.issue(req)),
  );

  both(
    "/api/v1/system/enrolled/users",
    authed((req) => {
      const q = (k: string) => req.query.get(k) || undefined;
      const users = state.enrolledUsers({ upn: q("upn"), email: q("email"), guid: q("guid"), tuid: q("tuid") });
      return paged(req, users, PAGE_SIZE.enrolledUsers, userJson);
    }),
  );

  both(
    "/api/v1/system/devices",
    authed((req) => paged(req, state.devices, PAGE_SIZE.devices, (d) => systemDeviceJson(d))),
  );

  both(
    "/api/v1/system/domainusers/:guid",
    authed((req) => {
      const user = state.userByGuid(req.params.guid);
      return user ? json(200, domainUserJson(user)) : json(404, NOT_FOUND);
    }),
  );
  server.route(
    "DELETE",
    "/api/v1/system/domainusers/:guid/",
    write((req) => {
      const user = state.userByGuid(req.params.guid);
      if (!user) return json(404, NOT_FOUND);
      state.deleteUser(user);
      return { status: 204 };
    }),
  );
  server.route("DELETE", "/api/v1/system/domainusers/:guid", redirect);

  const findDevice = (req: SimRequest<"/:guid/:deviceId">) => {
    const user = state.userByGuid(req.params.guid);
    return user && state.deviceOf(user, req.params.deviceId);
  };
  both(
    "/api/v1/system/domainusers/:guid/devices/:deviceId",
    authed((req) => {
      const device = findDevice(req);
      return device ? json(200, systemDeviceJson(device)) : json(404, NOT_FOUND);
    }),
  );
  server.route(
    "DELETE",
    "/api/v1/system/domainusers/:guid/devices/:deviceId/",
    write((req) => {
      const device = findDevice(req);
      if (!device) return json(404, NOT_FOUND);
      state.deleteDevice(device);
      return json(200, systemDeviceJson(device, false));
    }),
  );
  server.route("DELETE", "/api/v1/system/domainusers/:guid/devices/:deviceId", redirect);

  both(
    "/data/api/v1/users",
    authed((req) => {
      const all = (k: string) => req.query.getAll(k).filter((v) => v !== "");
      const users = state.dataUsers({
        userPrincipals: all("userPrincipals"),
        emails: all("emails"),
        guids: all("guids"),
      });
      return paged(req, users, PAGE_SIZE.dataUsers, dataUserJson);
    }),
  );

  both(
    "/data/api/v1/assets",
    authed((req) => {
      const all = (k: string) => req.query.getAll(k).filter((v) => v !== "");
      const assets = state.filterAssets({ ipAddresses: all("ipAddresses"), macAddresses: all("macAddresses") });
      return paged(req, assets, PAGE_SIZE.assets, assetJson);
    }),
  );

  server.sim("GET", "/__sim/requests", () => json(200, { requests: log, dropped }));
  server.sim("DELETE", "/__sim/requests", () => {
    log.length = 0;
    dropped = 0;
    return { status: 204 };
  });
  server.sim("POST", "/__sim/revoke-tokens", () => json(200, { revoked: issuer.revokeAll() }));
  server.sim("POST", "/__sim/fail-after-write", (req) => {
    const count = Number((JSON.parse(req.body || "{}") as { count?: unknown }).count ?? 1);
    if (!Number.isInteger(count) || count < 0) return json(400, { error: "count must be a non-negative integer" });
    failAfterWrite = count;
    return json(200, { failAfterWrite });
  });
  server.sim("GET", "/__sim/summary", () =>
    json(200, {
      domains: state.domains,
      users: state.users.length,
      devices: state.devices.length,
      assets: state.assets.length,
    }),
  );

  return { server, state, credentials };
}

/** TruU's page envelope; a page that does not exist is DRF's 404 "Invalid page.". */
function paged<T>(req: SimRequest, items: readonly T[], size: number, render: (item: T) => unknown): SimResponse {
  const raw = req.query.get("page");
  const page = raw === null || raw === "" ? 1 : /^\d+$/.test(raw) ? Number(raw) : NaN;
  const final = Math.max(1, Math.ceil(items.length / size));
  if (!(page >= 1 && page <= final)) return json(404, INVALID_PAGE);
  return json(200, {
    page,
    next: page < final ? page + 1 : null,
    previous: page > 1 ? page - 1 : null,
    final,
    pageSize: size,
    count: items.length,
    results: items.slice((page - 1) * size, page * size).map(render),
  });
}
