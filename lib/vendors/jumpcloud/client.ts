import createClient, { type Client } from "openapi-fetch";
import type { z } from "zod";
import { readJson, type FetchLike, type RetryPolicy } from "../core/http";
import { VendorError } from "../core/vendor-error";
import { bulkJobDone } from "./bulk-job-done";
import type { components as V1Components, paths as V1 } from "./generated/v1";
import type { paths as V2 } from "./generated/v2";
import type { paths as V2Seed } from "./generated/v2-seed";
import { allPages, type AllPagesOptions, type Page } from "./paging";
import * as S from "./schemas";
import { operationFetch, sendGet, v1QuerySerializer, v2QuerySerializer, type JumpCloudCredentials, type TransportOptions } from "./transport";

export type { JumpCloudCredentials };

export interface JumpCloudClientOptions {
  /** The console origin, e.g. https://console.jumpcloud.com (EU: https://console.eu.jumpcloud.com). */
  baseUrl: string;
  credentials: JumpCloudCredentials;
  fetch?: FetchLike;
  timeoutMs?: number;
  retry?: RetryPolicy;
}

export interface V1ListQuery {
  limit?: number;
  skip?: number;
  /** Space-separated; `-field` descending. */
  sort?: string;
  /** Space-separated field list. */
  fields?: string;
  /** `field:$eq:value`; several are ANDed. */
  filter?: string | string[];
}

export interface V2ListQuery {
  limit?: number;
  skip?: number;
  /** Comma-separated; `-field` descending. */
  sort?: string;
  /**
   * `field:eq:value`; several are ANDed, sent as one comma-separated filter
   * (v2 spec: style form, explode false), so a value must hold no comma.
   */
  filter?: string | string[];
}

export interface SearchUsersBody {
  filter?: { and?: Record<string, unknown>[]; or?: Record<string, unknown>[] };
  searchFilter?: { searchTerm: string | string[]; fields?: string[] };
  fields?: string;
}

export type SystemUserPutPost = V1Components["schemas"]["systemuserputpost"];
export type SystemUserPut = Omit<V1Components["schemas"]["systemuserput"], "state" | "mfa"> & {
  state?: "ACTIVATED" | "SUSPENDED";
  mfa?: { exclusion?: boolean; exclusionUntil?: string; exclusionDays?: number };
};
export type BuiltinCommand = "lock" | "restart" | "shutdown" | "erase";
export type GroupKind = "user" | "system";
export type GraphSource = "users" | "usergroups" | "systems" | "systemgroups";
export type MdmDeviceAction = "lock" | "erase" | "restart" | "shutdown" | "clearActivationLock" | "refreshActivationLockInformation" | "osUpdateStatus";
export interface GroupInput {
  name: string;
  description?: string;
  email?: string;
  attributes?: Record<string, unknown>;
  membershipMethod?: "NOTSET" | "STATIC" | "DYNAMIC_REVIEW_REQUIRED" | "DYNAMIC_AUTOMATED";
}

const V = "jumpcloud" as const;

/** Sort by _id whenever paging, so concurrent changes cause no gaps or duplicates. */
function withStableSort<Q extends { skip?: number; sort?: string; limit?: number }>(q: Q): Q {
  return q.skip !== undefined && !q.sort ? { ...q, sort: "_id" } : q;
}

/** Array schemas built once per item schema: building a zod schema costs more than parsing a small page with it. */
const arrays = new WeakMap<z.ZodType, z.ZodArray<z.ZodType>>();
function arrayOf<Sc extends z.ZodType>(schema: Sc): z.ZodArray<Sc> {
  let a = arrays.get(schema);
  if (!a) arrays.set(schema, (a = schema.array()));
  return a as z.ZodArray<Sc>;
}

/** Drains a body the client does not use (v1 actions answer an unspecified string). */
async function discard(res: Response) {
  await res.text().catch(() => "");
}

function total(res: Response): number | undefined {
  const h = res.headers.get("x-total-count");
  return h === null || h === "" || Number.isNaN(Number(h)) ? undefined : Number(h);
}

/** A JumpCloud admin API client (v1 /api and v2 /api/v2), one instance per connection. */
export class JumpCloudClient {
  private readonly t: TransportOptions;
  private readonly v1: Client<V1>;
  private readonly v2: Client<V2 & V2Seed>;

  private readonly v2Base: string;

  constructor(opts: JumpCloudClientOptions) {
    const origin = opts.baseUrl.replace(/\/+$/, "");
    this.v2Base = `${origin}/api/v2`;
    this.t = { credentials: opts.credentials, fetch: opts.fetch ?? globalThis.fetch, timeoutMs: opts.timeoutMs ?? 30_000, retry: opts.retry };
    this.v1 = createClient<V1>({ baseUrl: `${origin}/api`, querySerializer: v1QuerySerializer });
    this.v2 = createClient<V2 & V2Seed>({ baseUrl: `${origin}/api/v2`, querySerializer: v2QuerySerializer });
  }

  private op(operation: string, idempotent: boolean) {
    return { fetch: operationFetch(this.t, operation, idempotent), parseAs: "stream" as const };
  }

  private async json<Sc extends z.ZodType>(call: Promise<{ response: Response }>, schema: Sc, operation: string): Promise<z.output<Sc>> {
    return readJson((await call).response, schema, V, operation);
  }

  private async v2Page<Sc extends z.ZodType>(call: Promise<{ response: Response }>, schema: Sc, operation: string): Promise<Page<z.output<Sc>>> {
    const { response } = await call;
    const items = (await readJson(response, arrayOf(schema), V, operation)) as z.output<Sc>[];
    return { items, total: total(response) };
  }

  /**
   * A v2 list read without openapi-fetch: the URL it would build (path
   * segments encoded, the same query serializer), the same headers, retries
   * and errors. For the graph reads a sync sends once per user and group.
   */
  private async v2Read<Sc extends z.ZodType>(segments: string[], query: Record<string, unknown>, schema: Sc, operation: string): Promise<Page<z.output<Sc>>> {
    const search = v2QuerySerializer(query);
    const url = `${this.v2Base}/${segments.map(encodeURIComponent).join("/")}${search ? `?${search}` : ""}`;
    const response = await sendGet(this.t, operation, url);
    const items = (await readJson(response, arrayOf(schema), V, operation)) as z.output<Sc>[];
    return { items, total: total(response) };
  }

  private async noContent(call: Promise<{ response: Response }>, operation: string, accept: number[]): Promise<void> {
    const { response } = await call;
    await discard(response);
    if (!accept.includes(response.status)) {
      throw new VendorError({ vendor: V, operation, kind: "invalid_response", status: response.status, retryable: false, vendorMessage: `expected HTTP ${accept.join(" or ")}, got ${response.status}` });
    }
  }

  // ---- v1 system users ----

  async listUsers(q: V1ListQuery = {}): Promise<Page<S.SystemUser>> {
    const r = await this.json(this.v1.GET("/systemusers", { params: { query: withStableSort(q) as never }, ...this.op("systemusers_list", true) }), S.SystemUserList, "systemusers_list");
    return { items: r.results, total: r.totalCount };
  }

  /** Every user matching the query, pages fetched in parallel. */
  allUsers(q: Omit<V1ListQuery, "limit" | "skip"> = {}, opts?: AllPagesOptions): Promise<S.SystemUser[]> {
    return allPages((skip, limit) => this.listUsers({ ...q, skip, limit }), opts);
  }

  async searchUsers(body: SearchUsersBody, q: { limit?: number; skip?: number; sort?: string } = {}): Promise<Page<S.SystemUser>> {
    const r = await this.json(
      this.v1.POST("/search/systemusers", { params: { query: withStableSort(q) as never }, body: body as never, ...this.op("search_systemusers_post", true) }),
      S.SystemUserList, "search_systemusers_post");
    return { items: r.results, total: r.totalCount };
  }

  /** The user with this exact email, or null. */
  async findUserByEmail(email: string): Promise<S.SystemUser | null> {
    // Bounded on purpose: an exact email matches one user, the first is the answer.
    const page = await this.listUsers({ filter: `email:$eq:${email}`, limit: 2 });
    return page.items[0] ?? null;
  }

  getUser(id: string, fields?: string): Promise<S.SystemUser> {
    return this.json(this.v1.GET("/systemusers/{id}", { params: { path: { id }, query: { fields } }, ...this.op("systemusers_get", true) }), S.SystemUser, "systemusers_get");
  }

  createUser(body: SystemUserPutPost): Promise<S.SystemUser> {
    return this.json(this.v1.POST("/systemusers", { body, ...this.op("systemusers_post", false) }), S.SystemUser, "systemusers_post");
  }

  /** PUT is a partial update; sending the same fields twice is harmless. */
  updateUser(id: string, body: SystemUserPut): Promise<S.SystemUser> {
    return this.json(this.v1.PUT("/systemusers/{id}", { params: { path: { id } }, body: body as never, ...this.op("systemusers_put", true) }), S.SystemUser, "systemusers_put");
  }

  suspendUser(id: string) {
    return this.updateUser(id, { state: "SUSPENDED" });
  }

  /** With clearManagerOnReports, users reporting to this one lose their manager instead of the delete failing with 409. */
  deleteUser(id: string, opts: { clearManagerOnReports?: boolean } = {}): Promise<S.SystemUser> {
    const query = opts.clearManagerOnReports ? { cascade_manager: "null" } : {};
    return this.json(this.v1.DELETE("/systemusers/{id}", { params: { path: { id }, query: query as never }, ...this.op("systemusers_delete", false) }), S.SystemUser, "systemusers_delete");
  }

  async resetMfa(id: string, body: { exclusion?: boolean; exclusionUntil?: string; exclusionDays?: number } = {}): Promise<void> {
    const { response } = await this.v1.POST("/systemusers/{id}/resetmfa", { params: { path: { id } }, body: body as never, ...this.op("systemusers_resetmfa", false) });
    await discard(response);
  }

  async unlockUser(id: string): Promise<void> {
    const { response } = await this.v1.POST("/systemusers/{id}/unlock", { params: { path: { id } }, ...this.op("systemusers_unlock", true) });
    await discard(response);
  }

  async expirePassword(id: string): Promise<void> {
    const { response } = await this.v1.POST("/systemusers/{id}/expire", { params: { path: { id } }, ...this.op("systemusers_expire", true) });
    await discard(response);
  }

  /** STAGED → ACTIVATED; email: whether (or where) to send the activation email. */
  async activateUser(id: string, email?: boolean | string): Promise<void> {
    const { response } = await this.v1.POST("/systemusers/{id}/state/activate", {
      params: { path: { id } }, body: (email === undefined ? {} : { email }) as never, ...this.op("systemusers_state_activate", false),
    });
    await discard(response);
  }

  // ---- v1 systems ----

  async listSystems(q: V1ListQuery = {}): Promise<Page<S.System>> {
    const r = await this.json(this.v1.GET("/systems", { params: { query: withStableSort(q) as never }, ...this.op("systems_list", true) }), S.SystemList, "systems_list");
    return { items: r.results, total: r.totalCount };
  }

  allSystems(q: Omit<V1ListQuery, "limit" | "skip"> = {}, opts?: AllPagesOptions): Promise<S.System[]> {
    return allPages((skip, limit) => this.listSystems({ ...q, skip, limit }), opts);
  }

  getSystem(id: string): Promise<S.System> {
    return this.json(this.v1.GET("/systems/{id}", { params: { path: { id } }, ...this.op("systems_get", true) }), S.System, "systems_get");
  }

  /** A lock/restart/shutdown/erase is never sent twice: erasing is not undoable. */
  systemCommand(systemId: string, command: BuiltinCommand): Promise<void> {
    const operation = `systems_command_builtin_${command}`;
    const o = { params: { path: { system_id: systemId } }, ...this.op(operation, false) };
    const call = command === "lock" ? this.v1.POST("/systems/{system_id}/command/builtin/lock", o)
      : command === "restart" ? this.v1.POST("/systems/{system_id}/command/builtin/restart", o)
        : command === "shutdown" ? this.v1.POST("/systems/{system_id}/command/builtin/shutdown", o)
          : this.v1.POST("/systems/{system_id}/command/builtin/erase", o);
    return this.noContent(call, operation, [200, 201, 204]);
  }

  // ---- v2 groups ----

  listGroups(kind: GroupKind, q: V2ListQuery = {}): Promise<Page<S.Group>> {
    const o = { params: { query: withStableSort(q) as never }, ...this.op(`groups_${kind}_list`, true) };
    const call = kind === "user" ? this.v2.GET("/usergroups", o) : this.v2.GET("/systemgroups", o);
    return this.v2Page(call, S.Group, `groups_${kind}_list`);
  }

  allGroups(kind: GroupKind, q: Omit<V2ListQuery, "limit" | "skip"> = {}, opts?: AllPagesOptions): Promise<S.Group[]> {
    return allPages((skip, limit) => this.listGroups(kind, { ...q, skip, limit }), opts);
  }

  createGroup(kind: GroupKind, body: GroupInput): Promise<S.Group> {
    const o = { body: body as never, ...this.op(`groups_${kind}_post`, false) };
    return this.json(kind === "user" ? this.v2.POST("/usergroups", o) : this.v2.POST("/systemgroups", o), S.Group, `groups_${kind}_post`);
  }

  getGroup(kind: GroupKind, id: string): Promise<S.Group> {
    const o = { params: { path: { id } }, ...this.op(`groups_${kind}_get`, true) };
    return this.json(kind === "user" ? this.v2.GET("/usergroups/{id}", o) : this.v2.GET("/systemgroups/{id}", o), S.Group, `groups_${kind}_get`);
  }

  /** PUT replaces the group; name is required. */
  updateGroup(kind: GroupKind, id: string, body: GroupInput): Promise<S.Group> {
    const o = { params: { path: { id } }, body: body as never, ...this.op(`groups_${kind}_put`, true) };
    return this.json(kind === "user" ? this.v2.PUT("/usergroups/{id}", o) : this.v2.PUT("/systemgroups/{id}", o), S.Group, `groups_${kind}_put`);
  }

  /** Answers 200 with the group or 204; both mean deleted. */
  async deleteGroup(kind: GroupKind, id: string): Promise<void> {
    const o = { params: { path: { id } }, ...this.op(`groups_${kind}_delete`, false) };
    return this.noContent(kind === "user" ? this.v2.DELETE("/usergroups/{id}", o) : this.v2.DELETE("/systemgroups/{id}", o), `groups_${kind}_delete`, [200, 204]);
  }

  listGroupMembers(kind: GroupKind, groupId: string, q: { limit?: number; skip?: number } = {}): Promise<Page<S.GraphConnection>> {
    // GET /usergroups/{group_id}/members or /systemgroups/{group_id}/members.
    return this.v2Read([kind === "user" ? "usergroups" : "systemgroups", groupId, "members"], q, S.GraphConnection, `graph_${kind}GroupMembersList`);
  }

  /** add/remove one member; adding an existing member is a 409. */
  modifyGroupMembers(kind: GroupKind, groupId: string, op: "add" | "remove", memberId: string): Promise<void> {
    const operation = `graph_${kind}GroupMembersPost`;
    const o = { params: { path: { group_id: groupId } }, body: { op, type: kind, id: memberId } as never, ...this.op(operation, false) };
    return this.noContent(kind === "user" ? this.v2.POST("/usergroups/{group_id}/members", o) : this.v2.POST("/systemgroups/{group_id}/members", o), operation, [200, 204]);
  }

  // ---- v2 graph ----

  listAssociations(source: GraphSource, id: string, targets: S.GraphType[], q: { limit?: number; skip?: number } = {}): Promise<Page<S.GraphConnection>> {
    // GET /{users|usergroups|systems|systemgroups}/{id}/associations?targets=…
    return this.v2Read([source, id, "associations"], { ...q, targets }, S.GraphConnection, `graph_${source}AssociationsList`);
  }

  modifyAssociation(source: GraphSource, id: string, body: S.AssociationOp): Promise<void> {
    const operation = `graph_${source}AssociationsPost`;
    const b = body as never;
    const call = source === "users" ? this.v2.POST("/users/{user_id}/associations", { params: { path: { user_id: id } }, body: b, ...this.op(operation, false) })
      : source === "usergroups" ? this.v2.POST("/usergroups/{group_id}/associations", { params: { path: { group_id: id } }, body: b, ...this.op(operation, false) })
        : source === "systems" ? this.v2.POST("/systems/{system_id}/associations", { params: { path: { system_id: id } }, body: b, ...this.op(operation, false) })
          : this.v2.POST("/systemgroups/{group_id}/associations", { params: { path: { group_id: id } }, body: b, ...this.op(operation, false) });
    return this.noContent(call, operation, [200, 204]);
  }

  /** User groups the user belongs to. */
  userMemberOf(userId: string, q: { limit?: number; skip?: number } = {}): Promise<Page<S.GraphObjectWithPaths>> {
    return this.v2Page(this.v2.GET("/users/{user_id}/memberof", { params: { path: { user_id: userId }, query: q }, ...this.op("graph_userMemberOf", true) }), S.GraphObjectWithPaths, "graph_userMemberOf");
  }

  /** Users in the group, direct and indirect. */
  userGroupMembership(groupId: string, q: { limit?: number; skip?: number } = {}): Promise<Page<S.GraphObjectWithPaths>> {
    return this.v2Page(this.v2.GET("/usergroups/{group_id}/membership", { params: { path: { group_id: groupId }, query: q }, ...this.op("graph_userGroupMembership", true) }), S.GraphObjectWithPaths, "graph_userGroupMembership");
  }

  /** Systems the user can reach, with the paths that bind them. */
  userSystems(userId: string, q: { limit?: number; skip?: number } = {}): Promise<Page<S.GraphObjectWithPaths>> {
    return this.v2Page(this.v2.GET("/users/{user_id}/systems", { params: { path: { user_id: userId }, query: q }, ...this.op("graph_userTraverseSystem", true) }), S.GraphObjectWithPaths, "graph_userTraverseSystem");
  }

  systemMemberOf(systemId: string, q: { limit?: number; skip?: number } = {}): Promise<Page<S.GraphObjectWithPaths>> {
    return this.v2Page(this.v2.GET("/systems/{system_id}/memberof", { params: { path: { system_id: systemId }, query: q }, ...this.op("graph_systemMemberOf", true) }), S.GraphObjectWithPaths, "graph_systemMemberOf");
  }

  // ---- v2 bulk jobs ----

  /** 201 per the spec, 200 per JumpCloud's own SDK: both accepted. */
  bulkCreateUsers(users: S.BulkUserCreate[], creationSource?: string): Promise<string> {
    const headers = creationSource ? { "creation-source": creationSource } : {};
    return this.json(this.v2.POST("/bulk/users", { body: users as never, headers, ...this.op("bulk_usersCreate", false) }), S.JobId, "bulk_usersCreate").then((r) => r.jobId);
  }

  bulkUpdateUsers(updates: ({ id: string } & Record<string, unknown>)[]): Promise<string> {
    return this.json(this.v2.PATCH("/bulk/users", { body: updates as never, ...this.op("bulk_usersUpdate", false) }), S.JobId, "bulk_usersUpdate").then((r) => r.jobId);
  }

  /** One page of a job's results: v2 spec, limit default 10, at most 100, with skip. */
  private bulkUserResultsPage(jobId: string, query: { limit: number; skip: number }): Promise<Page<S.BulkJobResult>> {
    return this.v2Page(this.v2.GET("/bulk/users/{job_id}/results", { params: { path: { job_id: jobId }, query }, ...this.op("bulk_usersCreateResults", true) }), S.BulkJobResult, "bulk_usersCreateResults");
  }

  /** Every result the job has so far, all pages of them: a job of 500 users has 500. */
  bulkUserResults(jobId: string, opts?: AllPagesOptions): Promise<S.BulkJobResult[]> {
    return allPages((skip, limit) => this.bulkUserResultsPage(jobId, { skip, limit }), opts);
  }

  /** Polls the job's results until every item (`expected` of them, when known) has finished or failed. */
  async waitForBulkUserResults(jobId: string, opts: { intervalMs?: number; timeoutMs?: number; expected?: number } = {}): Promise<S.BulkJobResult[]> {
    const interval = opts.intervalMs ?? 1_000;
    const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
    for (;;) {
      const results = await this.bulkUserResults(jobId);
      if (bulkJobDone(results, opts.expected)) return results;
      if (Date.now() + interval > deadline) {
        throw new VendorError({ vendor: V, operation: "bulk_usersCreateResults", kind: "timeout", status: null, retryable: true, vendorMessage: `job ${jobId} had no final results within ${opts.timeoutMs ?? 120_000} ms` });
      }
      await new Promise((r) => setTimeout(r, interval));
    }
  }

  bulkExpireUsers(userIds: string[]): Promise<string> {
    return this.json(this.v2.POST("/bulk/user/expires", { body: userIds.map((id) => ({ id })) as never, ...this.op("bulk_userExpires", false) }), S.JobId, "bulk_userExpires").then((r) => r.jobId);
  }

  bulkUnlockUsers(userIds: string[]): Promise<string> {
    return this.json(this.v2.POST("/bulk/user/unlocks", { body: userIds.map((id) => ({ id })), ...this.op("bulk_userUnlocks", false) }), S.JobId, "bulk_userUnlocks").then((r) => r.jobId);
  }

  scheduleUserStates(body: S.BulkUserStatesCreate): Promise<S.ScheduledUserState[]> {
    return this.json(this.v2.POST("/bulk/userstates", { body: body as never, ...this.op("bulk_userStatesCreate", false) }), S.ScheduledUserStates, "bulk_userStatesCreate");
  }

  /** Every scheduled state change (of one user, or all): the list is paged, v2 spec limit default 10, at most 100. */
  listScheduledUserStates(userId?: string): Promise<S.ScheduledUserState[]> {
    return allPages((skip, limit) => this.v2Page(
      this.v2.GET("/bulk/userstates", { params: { query: { userid: userId, skip, limit } }, ...this.op("bulk_userStatesList", true) }),
      S.ScheduledUserState, "bulk_userStatesList"));
  }

  cancelScheduledUserState(scheduledJobId: string): Promise<void> {
    return this.noContent(this.v2.DELETE("/bulk/userstates/{id}", { params: { path: { id: scheduledJobId } }, ...this.op("bulk_userStatesDelete", false) }), "bulk_userStatesDelete", [200, 204]);
  }

  // ---- v2 Apple MDM ----

  /** Every Apple MDM server: v2 spec, limit default 1 (unpaged, the console would see one server), at most 100. */
  listAppleMdms(): Promise<S.AppleMdm[]> {
    return allPages((skip, limit) => this.v2Page(
      this.v2.GET("/applemdms", { params: { query: { skip, limit } }, ...this.op("applemdms_list", true) }), S.AppleMdm, "applemdms_list"));
  }

  listAppleMdmDevices(mdmId: string, q: { limit?: number; skip?: number } = {}): Promise<Page<S.AppleMdmDevice>> {
    return this.v2Page(this.v2.GET("/applemdms/{apple_mdm_id}/devices", { params: { path: { apple_mdm_id: mdmId }, query: q as never }, ...this.op("applemdms_deviceslist", true) }), S.AppleMdmDevice, "applemdms_deviceslist");
  }

  /** Device commands are never resent: a lock or erase must not be repeated blindly. macOS lock/erase need a 6-digit pin. */
  mdmDeviceAction(mdmId: string, deviceId: string, action: MdmDeviceAction, body: { pin?: string; kextPaths?: string[] } = {}): Promise<void> {
    const operation = `applemdms_devices_${action}`;
    const o = { params: { path: { apple_mdm_id: mdmId, device_id: deviceId } }, body: body as never, ...this.op(operation, false) };
    const call = {
      lock: () => this.v2.POST("/applemdms/{apple_mdm_id}/devices/{device_id}/lock", o),
      erase: () => this.v2.POST("/applemdms/{apple_mdm_id}/devices/{device_id}/erase", o),
      restart: () => this.v2.POST("/applemdms/{apple_mdm_id}/devices/{device_id}/restart", o),
      shutdown: () => this.v2.POST("/applemdms/{apple_mdm_id}/devices/{device_id}/shutdown", o),
      clearActivationLock: () => this.v2.POST("/applemdms/{apple_mdm_id}/devices/{device_id}/clearActivationLock", o),
      refreshActivationLockInformation: () => this.v2.POST("/applemdms/{apple_mdm_id}/devices/{device_id}/refreshActivationLockInformation", o),
      osUpdateStatus: () => this.v2.POST("/applemdms/{apple_mdm_id}/devices/{device_id}/osUpdateStatus", o),
    }[action]();
    return this.noContent(call, operation, [200, 204]);
  }

  scheduleOsUpdate(mdmId: string, deviceId: string, body: { product_key: string; install_action: string; max_user_deferrals?: number }): Promise<void> {
    return this.noContent(this.v2.POST("/applemdms/{apple_mdm_id}/devices/{device_id}/scheduleOSUpdate", {
      params: { path: { apple_mdm_id: mdmId, device_id: deviceId } }, body: body as never, ...this.op("applemdms_devicesScheduleOSUpdate", false),
    }), "applemdms_devicesScheduleOSUpdate", [200, 204]);
  }

  refreshDepDevices(mdmId: string): Promise<void> {
    return this.noContent(this.v2.POST("/applemdms/{apple_mdm_id}/refreshdepdevices", { params: { path: { apple_mdm_id: mdmId } }, ...this.op("applemdms_refreshdepdevices", true) }), "applemdms_refreshdepdevices", [200, 204]);
  }

  // ---- v2 push verification ----

  /** The spec gives this route no limit or skip: one answer holds every endpoint. */
  listPushEndpoints(userId: string): Promise<S.PushEndpoint[]> {
    return this.json(this.v2.GET("/users/{user_id}/pushendpoints", { params: { path: { user_id: userId } }, ...this.op("UserPushEndpoints_List", true) }), S.PushEndpointList, "UserPushEndpoints_List");
  }

  /** Sends a verification push to the user's device; not resent, the user would get two prompts. */
  verifyPushEndpoint(userId: string, pushEndpointId: string, message?: string): Promise<z.output<typeof S.PushVerification>> {
    return this.json(this.v2.POST("/users/{userId}/pushendpoints/{pushEndpointId}/verify", {
      params: { path: { userId, pushEndpointId } }, body: message === undefined ? {} : { message }, ...this.op("PushVerifications_Start", false),
    }), S.PushVerification, "PushVerifications_Start");
  }

  // ---- v2 access requests ----

  createAccessRequest(body: { requestorId: string; resourceId: string; resourceType: string; remarks?: string; expiry?: string; additionalAttributes?: Record<string, unknown> }): Promise<z.output<typeof S.AccessRequestCreated>> {
    return this.json(this.v2.POST("/accessrequests", { body: body as never, ...this.op("AccessRequestApi_CreateAccessRequest", false) }), S.AccessRequestCreated, "AccessRequestApi_CreateAccessRequest");
  }

  async revokeAccessRequest(accessId: string): Promise<void> {
    await this.json(this.v2.POST("/accessrequests/{accessId}/revoke", { params: { path: { accessId } }, ...this.op("AccessRequestApi_RevokeAccessRequest", true) }), S.EmptyObject, "AccessRequestApi_RevokeAccessRequest");
  }
}
