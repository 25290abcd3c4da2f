import { DEFAULT_RETRY, type FetchLike, type RetryPolicy, readJson, vendorFetch } from "../core/http";
import { chunk, echoedResults, type ItemResult, pairResults } from "./item-results";
import { DEFAULT_SET_MACHINE_ASSOCIATIONS_ROUTE, MAX_ITEMS_PER_REQUEST, ROUTES } from "./routes";
import {
  ExternalResources,
  field,
  IpWhitelist,
  ItemStatuses,
  type MachineAssociation,
  type MachineAssociationInput,
  MachineAssociations,
  RefreshAnswer,
  type UserLogonIp,
  UserLogonIps,
  type UserMachineAssignment,
} from "./schemas";

export interface TruGridCredentials {
  /** Sent as the `api_key` header. */
  apiKey: string;
  /** The AD DNS domain every call acts on (`domainName` query). One key may serve several domains. */
  domainName: string;
}

export interface TruGridClientOptions {
  /** The API host issued with the key, e.g. https://api.example.net (with or without /api/public). */
  baseUrl: string;
  credentials: TruGridCredentials;
  fetch?: FetchLike;
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** Route of Set Machine Associations; the vendor's article prints a wrong one. */
  setMachineAssociationsRoute?: string;
}

export type MachineAssociationFilter =
  | { groupName: string; userUpn?: undefined }
  | { userUpn: string; groupName?: undefined };

interface Call {
  operation: string;
  route: string;
  method: "GET" | "POST";
  query?: [string, string][];
  body?: unknown;
  idempotent: boolean;
}

/** ASP.NET answers errors as plain text or ProblemDetails ({title, detail}). */
function messageOf(body: unknown, text: string): string | undefined {
  if (typeof body === "string" && body) return body;
  if (body && typeof body === "object" && !Array.isArray(body)) {
    const m = field(body as Record<string, unknown>, ["message", "detail", "title", "error"]);
    if (typeof m === "string" && m) return m;
  }
  const t = text.trim();
  return t && t.length < 500 && !t.startsWith("<") ? t : undefined;
}

export class TruGridClient {
  private readonly base: string;
  private readonly fetchImpl: FetchLike;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly setRoute: string;

  constructor(private readonly opts: TruGridClientOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, "").replace(/\/api\/public$/i, "");
    this.fetchImpl = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.retry = opts.retry ?? DEFAULT_RETRY;
    this.setRoute = opts.setMachineAssociationsRoute ?? DEFAULT_SET_MACHINE_ASSOCIATIONS_ROUTE;
  }

  get domainName(): string {
    return this.opts.credentials.domainName;
  }

  private async send(c: Call): Promise<Response> {
    const url = new URL(`${this.base}/api/public/${c.route}`);
    url.searchParams.set("domainName", this.opts.credentials.domainName);
    for (const [k, v] of c.query ?? []) url.searchParams.append(k, v);
    const headers: Record<string, string> = { api_key: this.opts.credentials.apiKey, accept: "application/json" };
    if (c.body !== undefined) headers["content-type"] = "application/json";
    return vendorFetch({
      vendor: "trugrid",
      operation: c.operation,
      url: url.toString(),
      fetch: this.fetchImpl,
      timeoutMs: this.timeoutMs,
      retry: this.retry,
      idempotent: c.idempotent,
      messageOf,
      init: { method: c.method, headers, body: c.body === undefined ? undefined : JSON.stringify(c.body) },
    });
  }

  /**
   * A bulk POST in requests of at most 100 items, statuses merged back in
   * input order. Chunks go one after another; if one fails, the earlier ones
   * have already taken effect.
   */
  private async bulk<T>(
    operation: string,
    route: string,
    items: readonly T[],
    idempotent: boolean,
    query?: [string, string][],
  ): Promise<ItemResult<T>[]> {
    const results: ItemResult<T>[] = [];
    for (const part of chunk(items)) {
      const res = await this.send({ operation, route, method: "POST", body: part, idempotent, query });
      results.push(...pairResults(operation, part, await readJson(res, ItemStatuses, "trugrid", operation)));
    }
    return results;
  }

  /** For calls where an empty list means "all": then the vendor's echo names what was touched. */
  private async bulkOrAll(
    operation: string,
    route: string,
    items: readonly string[],
    idempotent: boolean,
  ): Promise<ItemResult<string | undefined>[]> {
    if (items.length > 0) return this.bulk(operation, route, items, idempotent);
    const res = await this.send({ operation, route, method: "POST", body: [], idempotent });
    return echoedResults(await readJson(res, ItemStatuses, "trugrid", operation));
  }

  turnOnMfa(upns: readonly string[]) {
    return this.bulk("turnOnMfa", ROUTES.turnOnMfa, upns, true);
  }

  /** Refused per item for users with TruGrid's Admin role. */
  turnOffMfa(upns: readonly string[]) {
    return this.bulk("turnOffMfa", ROUTES.turnOffMfa, upns, true);
  }

  /** Fails per item when MFA is not set up or turned off. Not resent on an unknown outcome. */
  resetMfa(upns: readonly string[], opts: { resetPhone: boolean }) {
    return this.bulk("resetMfa", ROUTES.resetMfa, upns, false, [["resetPhone", String(opts.resetPhone)]]);
  }

  /** Resource assignments: a user UPN or user-group name gets machines and/or machine groups. */
  addUserMachineAssignment(assignments: readonly UserMachineAssignment[]) {
    // .NET binds KeyValuePair<,> from {Key, Value}.
    return this.bulk(
      "addUserMachineAssignment",
      ROUTES.addUserMachineAssignment,
      assignments.map((a) => ({ Key: a.key, Value: a.value })),
      false,
    ).then((rs) => rs.map((r, i) => ({ ...r, item: assignments[i] })));
  }

  syncAddedAdUsers(upns: readonly string[]) {
    return this.bulk("syncAddedAdUsers", ROUTES.syncAddedAdUsers, upns, true);
  }

  syncAddedAdMachines(machineNames: readonly string[]) {
    return this.bulk("syncAddedAdMachines", ROUTES.syncAddedAdMachines, machineNames, true);
  }

  syncAddedAdUserGroups(groupNames: readonly string[]) {
    return this.bulk("syncAddedAdUserGroups", ROUTES.syncAddedAdUserGroups, groupNames, true);
  }

  syncAddedAdMachineGroups(groupNames: readonly string[]) {
    return this.bulk("syncAddedAdMachineGroups", ROUTES.syncAddedAdMachineGroups, groupNames, true);
  }

  addUpnSuffix(dnsNames: readonly string[]) {
    return this.bulk("addUpnSuffix", ROUTES.addUpnSuffix, dnsNames, false);
  }

  /** Empty list = every machine group of the domain. */
  clearMachineAssociations(groupNames: readonly string[] = []) {
    return this.bulkOrAll("clearMachineAssociations", ROUTES.clearMachineAssociations, groupNames, false);
  }

  /** Empty list = every group of the domain. */
  clearAppAssociations(groupNames: readonly string[] = []) {
    return this.bulkOrAll("clearAppAssociations", ROUTES.clearAppAssociations, groupNames, false);
  }

  /** Full AD resync of users and machines. */
  async refreshActiveDirectory(): Promise<void> {
    const res = await this.send({
      operation: "refreshActiveDirectory",
      route: ROUTES.refreshActiveDirectory,
      method: "POST",
      idempotent: true,
    });
    await readJson(res, RefreshAnswer, "trugrid", "refreshActiveDirectory");
  }

  /** Resync of published applications. */
  async refreshApplications(): Promise<void> {
    const res = await this.send({
      operation: "refreshApplications",
      route: ROUTES.refreshApplications,
      method: "POST",
      idempotent: true,
    });
    await readJson(res, RefreshAnswer, "trugrid", "refreshApplications");
  }

  /** RDP over UDP; empty list = every user of the domain. */
  enableUdp(upns: readonly string[] = []) {
    return this.bulkOrAll("enableUdp", ROUTES.enableUdp, upns, true);
  }

  disableUdp(upns: readonly string[] = []) {
    return this.bulkOrAll("disableUdp", ROUTES.disableUdp, upns, true);
  }

  async ipWhitelist(): Promise<string[]> {
    const res = await this.send({
      operation: "ipWhitelist",
      route: ROUTES.ipWhitelist,
      method: "GET",
      idempotent: true,
    });
    return readJson(res, IpWhitelist, "trugrid", "ipWhitelist");
  }

  async externalResources(): Promise<string[]> {
    const res = await this.send({
      operation: "externalResources",
      route: ROUTES.externalResources,
      method: "GET",
      idempotent: true,
    });
    return readJson(res, ExternalResources, "trugrid", "externalResources");
  }

  /** Last logon IPs per client type; no UPNs = every user of the domain. */
  async getUserLogonIp(upns: readonly string[] = []): Promise<UserLogonIp[]> {
    const parts = upns.length > 0 ? chunk(upns, MAX_ITEMS_PER_REQUEST) : [[]];
    const out: UserLogonIp[] = [];
    for (const part of parts) {
      const res = await this.send({
        operation: "getUserLogonIp",
        route: ROUTES.getUserLogonIp,
        method: "GET",
        idempotent: true,
        query: part.map((u): [string, string] => ["upns", u]),
      });
      out.push(...(await readJson(res, UserLogonIps, "trugrid", "getUserLogonIp")));
    }
    return out;
  }

  /** One machine per user per group; a new one replaces the old. Not resent on an unknown outcome. */
  setMachineAssociations(items: readonly MachineAssociationInput[]): Promise<ItemResult<MachineAssociationInput>[]> {
    if (items.length === 0) {
      // Let the vendor refuse it in its own words.
      return this.send({
        operation: "setMachineAssociations",
        route: this.setRoute,
        method: "POST",
        body: [],
        idempotent: false,
      }).then(() => []);
    }
    return this.bulk("setMachineAssociations", this.setRoute, items, false);
  }

  /** Exactly one of groupName or userUpn. */
  async getMachineAssociations(filter: MachineAssociationFilter): Promise<MachineAssociation[]> {
    const query: [string, string][] = [];
    if (filter.groupName !== undefined) query.push(["groupName", filter.groupName]);
    if (filter.userUpn !== undefined) query.push(["userUpn", filter.userUpn]);
    const res = await this.send({
      operation: "getMachineAssociations",
      route: ROUTES.getMachineAssociations,
      method: "GET",
      idempotent: true,
      query,
    });
    return readJson(res, MachineAssociations, "trugrid", "getMachineAssociations");
  }
}
