import type { SimSize } from "../core/directory";
import { json, type SimRequest, type SimResponse, SimServer, text } from "../core/http-server";
import { isDns, isUpn, MAX_ITEMS, requestError } from "./messages";
import * as ops from "./operations";
import { seedTruGridState, type TgDomain, type TruGridState } from "./state";

/** The API key the simulator accepts unless told otherwise. */
export const TRUGRID_SIM_API_KEY = "tg_sim_5b8e0c4f2a9d4e71";
export const TRUGRID_SIM_CREDENTIALS = { apiKey: TRUGRID_SIM_API_KEY } as const;

/**
 * The vendor prints Set Machine Associations under the URI of
 * ExternalResources (a copy-paste slip); its real route is unknown.
 */
export const DEFAULT_SET_MACHINE_ASSOCIATIONS_ROUTE = "SetMachineAssociations";

export interface TruGridSimOptions {
  size?: SimSize;
  seed?: number;
  credentials?: { apiKey: string };
  setMachineAssociationsRoute?: string;
}

export interface TruGridSim {
  server: SimServer;
  state: TruGridState;
  /** What a client needs: the key and the first simulated domain. */
  credentials: { apiKey: string; domainName: string };
}

interface Ctx {
  req: SimRequest;
  d: TgDomain;
}

const lc = (s: string) => s.toLowerCase();

/** Query values by case-insensitive name, as ASP.NET model binding reads them. */
function queryAll(req: SimRequest, name: string): string[] {
  const out: string[] = [];
  for (const [k, v] of req.query) if (lc(k) === lc(name)) out.push(v);
  return out;
}
const query = (req: SimRequest, name: string) => queryAll(req, name)[0];

function header(req: SimRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; res: SimResponse };

function parseArray(req: SimRequest): Parsed<unknown[]> {
  if (req.body.trim() === "") return { ok: true, value: [] };
  let body: unknown;
  try {
    body = JSON.parse(req.body);
  } catch {
    return { ok: false, res: text(400, requestError.notJsonArray) };
  }
  if (!Array.isArray(body)) return { ok: false, res: text(400, requestError.notJsonArray) };
  if (body.length > MAX_ITEMS) return { ok: false, res: text(400, requestError.tooMany) };
  return { ok: true, value: body };
}

function parseStrings(req: SimRequest, format?: "upn" | "dns"): Parsed<string[]> {
  const parsed = parseArray(req);
  if (!parsed.ok) return parsed;
  if (!parsed.value.every((x) => typeof x === "string"))
    return { ok: false, res: text(400, requestError.notJsonArray) };
  const items = parsed.value as string[];
  if (format === "upn") {
    const bad = items.find((u) => !isUpn(u));
    if (bad !== undefined) return { ok: false, res: text(400, requestError.invalidUpn(bad)) };
  }
  if (format === "dns") {
    const bad = items.find((s) => !isDns(s));
    if (bad !== undefined) return { ok: false, res: text(400, requestError.invalidDns(bad)) };
  }
  return { ok: true, value: items };
}

/** Reads {Key, Value} pairs the way .NET binds KeyValuePair<string, List<string>>: property names in any case. */
function assignmentOf(x: unknown): ops.AssignmentInput | null {
  if (!x || typeof x !== "object" || Array.isArray(x)) return null;
  const entries = Object.entries(x as Record<string, unknown>);
  const key = entries.find(([k]) => lc(k) === "key")?.[1];
  const value = entries.find(([k]) => lc(k) === "value")?.[1];
  if (typeof key !== "string" || !Array.isArray(value) || !value.every((v) => typeof v === "string")) return null;
  return { key, value };
}

const echo = (results: ops.ItemStatus[]) => json(200, results);

export function createTruGridSim(opts: TruGridSimOptions = {}): TruGridSim {
  const state = seedTruGridState(opts.size ?? "small", opts.seed);
  const apiKey = opts.credentials?.apiKey ?? TRUGRID_SIM_API_KEY;
  const server = new SimServer({ envPrefix: "SIM_TRUGRID", caseInsensitive: true });
  const counts = new Map<string, number>();
  // Answers lost after the change was applied: the client cannot know whether it happened.
  const lost = { count: 0, mode: "error" as "error" | "hang" };

  function endpoint(method: "GET" | "POST", route: string, handler: (ctx: Ctx) => SimResponse) {
    server.route(method, `/api/public/${route}`, (req) => {
      counts.set(lc(route), (counts.get(lc(route)) ?? 0) + 1);
      const key = header(req, "api_key");
      if (!key) return text(401, requestError.missingKey);
      if (key !== apiKey) return text(401, requestError.wrongKey);
      const domainName = query(req, "domainName") ?? "";
      const d = state.domains.get(lc(domainName));
      if (!d) return text(400, requestError.domainNotFound(domainName));
      const out = handler({ req, d });
      if (lost.count > 0 && out.status < 400) {
        lost.count--;
        if (lost.mode === "hang") return new Promise<SimResponse>(() => {});
        return json(500, { message: "Internal Server Error" });
      }
      return out;
    });
  }

  const upnList =
    (apply: (d: TgDomain, items: string[], req: SimRequest) => ops.ItemStatus[]) =>
    ({ req, d }: Ctx) => {
      const parsed = parseStrings(req, "upn");
      return parsed.ok ? echo(apply(d, parsed.value, req)) : parsed.res;
    };
  const nameList =
    (apply: (d: TgDomain, items: string[]) => ops.ItemStatus[], format?: "dns") =>
    ({ req, d }: Ctx) => {
      const parsed = parseStrings(req, format);
      return parsed.ok ? echo(apply(d, parsed.value)) : parsed.res;
    };

  endpoint("POST", "turnOnMfa", upnList(ops.turnOnMfa));
  endpoint("POST", "turnOffMfa", upnList(ops.turnOffMfa));
  endpoint(
    "POST",
    "resetMfa",
    upnList((d, upns, req) => ops.resetMfa(d, upns, lc(query(req, "resetPhone") ?? "false") === "true")),
  );
  endpoint(
    "POST",
    "EnableUdp",
    upnList((d, upns) => ops.setUdp(d, upns, true)),
  );
  endpoint(
    "POST",
    "DisableUdp",
    upnList((d, upns) => ops.setUdp(d, upns, false)),
  );
  endpoint("POST", "syncAddedAdUsers", upnList(ops.syncAddedAdUsers));
  endpoint("POST", "syncAddedAdMachines", nameList(ops.syncAddedAdMachines));
  endpoint(
    "POST",
    "syncAddedAdUserGroups",
    nameList((d, names) => ops.syncAddedAdGroups(d, names, "user")),
  );
  endpoint(
    "POST",
    "syncAddedAdMachineGroups",
    nameList((d, names) => ops.syncAddedAdGroups(d, names, "machine")),
  );
  endpoint(
    "POST",
    "addUpnSuffix",
    nameList((d, names) => ops.addUpnSuffix(state, d, names), "dns"),
  );
  endpoint("POST", "clearMachineAssociations", nameList(ops.clearMachineAssociations));
  endpoint("POST", "clearAppAssociations", nameList(ops.clearAppAssociations));

  endpoint("POST", "addUserMachineAssignment", ({ req, d }) => {
    const parsed = parseArray(req);
    if (!parsed.ok) return parsed.res;
    const items = parsed.value.map(assignmentOf);
    const bad = items.find((a) => a?.key.includes("@") && !isUpn(a.key));
    if (bad) return text(400, requestError.invalidUpn(bad.key));
    const statuses = ops.addUserMachineAssignment(d, items);
    return json(
      200,
      parsed.value.map((x, i) => ({ ...(x && typeof x === "object" ? x : { item: x }), status: statuses[i] })),
    );
  });

  endpoint("POST", "RefreshActiveDirectory", ({ d }) =>
    json(200, { status: "Success.", synced: ops.refreshActiveDirectory(d, new Date()) }),
  );
  endpoint("POST", "RefreshApplications", ({ d }) =>
    json(200, { status: "Success.", synced: ops.refreshApplications(d, new Date()) }),
  );

  endpoint("GET", "IpWhitelist", ({ d }) => json(200, d.ipWhitelist));
  endpoint("GET", "ExternalResources", ({ d }) => json(200, d.externalResources));

  endpoint("GET", "getUserLogonIp", ({ req, d }) => {
    const upns = queryAll(req, "upns")
      .flatMap((v) => v.split(","))
      .map((s) => s.trim())
      .filter(Boolean);
    if (upns.length === 0) return json(200, [...d.users.values()].filter((u) => u.synced).map(ops.logonIps));
    if (upns.length > MAX_ITEMS) return text(400, requestError.tooMany);
    const bad = upns.find((u) => !isUpn(u));
    if (bad) return text(400, requestError.invalidUpn(bad));
    const users = [];
    for (const upn of upns) {
      const u = ops.findUser(d, upn);
      if (!u) return text(400, requestError.userNotFound(upn, d.domain));
      users.push(u);
    }
    return json(200, users.map(ops.logonIps));
  });

  endpoint("POST", opts.setMachineAssociationsRoute ?? DEFAULT_SET_MACHINE_ASSOCIATIONS_ROUTE, ({ req, d }) => {
    if (req.body.trim() === "" || req.body.trim() === "null") return text(400, requestError.noAssociations);
    const parsed = parseArray(req);
    if (!parsed.ok) return parsed.res;
    if (parsed.value.length === 0) return text(400, requestError.noAssociations);
    const items = parsed.value.map((x) =>
      x && typeof x === "object" && !Array.isArray(x) ? (x as ops.AssociationInput) : {},
    );
    const bad = items.find((a) => typeof a.userUpn === "string" && a.userUpn.trim() !== "" && !isUpn(a.userUpn));
    if (bad) return text(400, requestError.invalidUpn(bad.userUpn as string));
    return json(
      200,
      items.map((a) => ({ ...a, status: ops.setMachineAssociation(d, a) })),
    );
  });

  endpoint("GET", "GetMachineAssociations", ({ req, d }) => {
    const groupName = query(req, "groupName"),
      userUpn = query(req, "userUpn");
    if ((groupName ? 1 : 0) + (userUpn ? 1 : 0) !== 1) return text(400, requestError.exactlyOneFilter);
    if (groupName) {
      const g = d.machineGroups.get(lc(groupName));
      if (!g?.synced) return text(400, requestError.groupNotFound(groupName, d.domain));
      return json(200, ops.associationsOfGroup(d, g));
    }
    if (!isUpn(userUpn!)) return text(400, requestError.invalidUpn(userUpn!));
    const u = ops.findUser(d, userUpn!);
    if (!u) return text(400, requestError.userNotFound(userUpn!, d.domain));
    return json(200, ops.associationsOfUser(d, u));
  });

  // Inspection and knobs for tests; clients never call these.
  server.sim("GET", "/__sim/requests", () =>
    json(200, { total: [...counts.values()].reduce((a, b) => a + b, 0), byRoute: Object.fromEntries(counts) }),
  );
  server.sim("PUT", "/__sim/lost-answers", (req) => {
    const body = JSON.parse(req.body || "{}") as { count?: unknown; mode?: unknown };
    if (typeof body.count !== "number" || !(body.mode === "error" || body.mode === "hang"))
      return json(400, { error: "expected {count: number, mode: 'error'|'hang'}" });
    lost.count = body.count;
    lost.mode = body.mode;
    return json(200, lost);
  });
  const simDomain = (req: SimRequest<"/:domain">) => state.domains.get(lc(req.params.domain));
  server.sim("GET", "/__sim/state/:domain/users/:upn", (req) => {
    const u = simDomain(req)?.users.get(lc(req.params.upn));
    if (!u) return json(404, { error: "no such user" });
    return json(200, { ...u, mfa: !u.mfaEnabled ? "off" : u.mfaEnrolled ? "on" : "unset" });
  });
  server.sim("GET", "/__sim/state/:domain/summary", (req) => {
    const d = simDomain(req);
    if (!d) return json(404, { error: "no such domain" });
    const users = [...d.users.values()];
    const pick = <T>(m: Map<string, T & { synced: boolean }>, name: (x: T) => string) =>
      [...m.values()].filter((x) => !x.synced).map(name);
    return json(200, {
      domain: d.domain,
      users: users.length,
      admins: users.filter((u) => u.isAdmin).map((u) => u.upn),
      mfaUnset: users.filter((u) => u.synced && u.mfaEnabled && !u.mfaEnrolled).map((u) => u.upn),
      mfaOff: users.filter((u) => u.synced && !u.mfaEnabled).map((u) => u.upn),
      pendingUsers: pick(d.users, (u: { upn: string }) => u.upn),
      pendingMachines: pick(d.machines, (m: { name: string }) => m.name),
      pendingUserGroups: pick(d.userGroups, (g: { name: string }) => g.name),
      pendingMachineGroups: pick(d.machineGroups, (g: { name: string }) => g.name),
      userGroups: [...d.userGroups.values()].map((g) => g.name),
      machineGroups: [...d.machineGroups.values()].map((g) => ({
        name: g.name,
        members: [...g.members].map((m) => d.machines.get(m)?.name ?? m),
      })),
      assignments: [...d.assignments.values()].map((a) => ({ key: a.key, targets: [...a.targets] })),
      applications: [...d.applications.values()],
      appAssociations: Object.fromEntries([...d.appAssociations].map(([g, apps]) => [g, [...apps]])),
      upnSuffixes: [...d.upnSuffixes],
      lastActiveDirectoryRefresh: d.lastActiveDirectoryRefresh,
      lastApplicationRefresh: d.lastApplicationRefresh,
    });
  });

  const first = state.domains.values().next().value!;
  return { server, state, credentials: { apiKey, domainName: first.domain } };
}
