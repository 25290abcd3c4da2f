import type { z } from "zod";
import type { FetchLike, RetryPolicy } from "../core/http";
import { VendorError } from "../core/vendor-error";
import type {
  AccessInput,
  ConnectorCreateInput,
  ConnectorFilter,
  ConnectorUpdateInput,
  DeviceFilter,
  GroupCreateInput,
  GroupFilter,
  GroupUpdateInput,
  IdOrName,
  NameFilter,
  PageRequest,
  RemoteNetworkCreateInput,
  RemoteNetworkUpdateInput,
  ResourceCreateInput,
  ResourceUpdateInput,
  SecurityPolicyFilter,
  SecurityPolicyUpdateInput,
  ServiceAccountCreateInput,
  ServiceAccountKeyCreateInput,
  ServiceAccountUpdateInput,
  UserCreateInput,
  UserDetailsUpdateInput,
  UserFilter,
  UserRoleName,
} from "./inputs";
import * as ops from "./operations";
import { InProcessPacer, type Pacer } from "./pacer";
import { collectAll, PAGE_SIZE } from "./paging";
import {
  AccessRequest,
  type Connection,
  Connector,
  type ConnectorTokens,
  ConnectorTokensPayload,
  connectionOf,
  DeletePayload,
  Device,
  Group,
  GroupDetail,
  payloadOf,
  RemoteNetwork,
  RemoteNetworkDetail,
  Resource,
  ResourceDetail,
  SecurityPolicy,
  SecurityPolicyDetail,
  ServiceAccount,
  ServiceAccountDetail,
  ServiceAccountKey,
  ServiceAccountKeyCreatePayload,
  User,
  UserDetail,
} from "./schemas";
import { graphql, type TransportOptions, unwrapPayload } from "./transport";

export interface TwingateCredentials {
  /** API token, sent as X-API-KEY. */
  apiKey: string;
}

export interface TwingateClientOptions {
  /** `https://<network>.twingate.com` (or a simulator's URL). */
  baseUrl: string;
  credentials: TwingateCredentials;
  fetch?: FetchLike;
  /** Per attempt. The Terraform provider allows 35 s. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** Keeps calls inside 60 reads / 20 writes per minute; share one per API token. */
  pacer?: Pacer;
}

/** Twingate's GraphQL admin API. Every failure is a VendorError. */
export class TwingateClient {
  private readonly t: TransportOptions;

  constructor(opts: TwingateClientOptions) {
    this.t = {
      baseUrl: opts.baseUrl,
      apiKey: opts.credentials.apiKey,
      fetch: opts.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      timeoutMs: opts.timeoutMs ?? 30_000,
      retry: opts.retry,
      pacer: opts.pacer ?? new InProcessPacer(),
    };
  }

  // ---------------------------------------------------------------- plumbing

  private read<S extends z.ZodType>(field: string, document: string, variables: Record<string, unknown>, schema: S) {
    return graphql(this.t, "read", { field, document, variables, schema });
  }

  private page<S extends z.ZodType>(
    field: string,
    document: string,
    node: S,
    req: PageRequest<object> = {},
  ): Promise<Connection<z.output<S>>> {
    const variables = { first: req.first ?? PAGE_SIZE, after: req.after ?? null, filter: req.filter ?? null };
    return this.read(field, document, variables, connectionOf(node)) as Promise<Connection<z.output<S>>>;
  }

  private all<S extends z.ZodType>(field: string, document: string, node: S, filter?: object): Promise<z.output<S>[]> {
    return collectAll(field, (after) => this.page(field, document, node, { filter, after }));
  }

  private async write<E extends z.ZodType>(
    field: string,
    document: string,
    variables: object,
    entity: E,
  ): Promise<z.output<E>> {
    const payload = unwrapPayload(
      field,
      (await graphql(this.t, "write", { field, document, variables: { ...variables }, schema: payloadOf(entity) })) as {
        ok: boolean;
        error: string | null;
        entity: z.output<E> | null;
      },
    );
    if (payload.entity === null || payload.entity === undefined) {
      throw new VendorError({
        vendor: "twingate",
        operation: field,
        kind: "invalid_response",
        status: 200,
        retryable: false,
        vendorMessage: "ok:true without an entity",
      });
    }
    return payload.entity;
  }

  private async remove(field: string, document: string, variables: object): Promise<void> {
    unwrapPayload(
      field,
      await graphql(this.t, "write", { field, document, variables: { ...variables }, schema: DeletePayload }),
    );
  }

  // ------------------------------------------------------------------- users

  usersPage(req?: PageRequest<UserFilter>) {
    return this.page("users", ops.users.USERS, User, req);
  }
  users(filter?: UserFilter) {
    return this.all("users", ops.users.USERS, User, filter);
  }
  user(id: string) {
    return this.read("user", ops.users.USER, { id }, UserDetail.nullable());
  }
  userCreate(input: UserCreateInput) {
    return this.write("userCreate", ops.users.USER_CREATE, input, User);
  }
  /** Suspend with state DISABLED, restore with ACTIVE. */
  userDetailsUpdate(input: UserDetailsUpdateInput) {
    return this.write("userDetailsUpdate", ops.users.USER_DETAILS_UPDATE, input, User);
  }
  userRoleUpdate(id: string, role: UserRoleName) {
    return this.write("userRoleUpdate", ops.users.USER_ROLE_UPDATE, { id, role }, User);
  }
  /** Refused (ok:false) for users synced from an identity provider. */
  userDelete(id: string) {
    return this.remove("userDelete", ops.users.USER_DELETE, { id });
  }

  // ----------------------------------------------------------------- devices

  devicesPage(req?: PageRequest<DeviceFilter>) {
    return this.page("devices", ops.devices.DEVICES, Device, req);
  }
  devices(filter?: DeviceFilter) {
    return this.all("devices", ops.devices.DEVICES, Device, filter);
  }
  device(id: string) {
    return this.read("device", ops.devices.DEVICE, { id }, Device.nullable());
  }
  deviceBlock(id: string) {
    return this.write("deviceBlock", ops.devices.DEVICE_BLOCK, { id }, Device);
  }
  deviceUnblock(id: string) {
    return this.write("deviceUnblock", ops.devices.DEVICE_UNBLOCK, { id }, Device);
  }
  /** The device returns to ACTIVE by itself the next time it connects. */
  deviceArchive(id: string) {
    return this.write("deviceArchive", ops.devices.DEVICE_ARCHIVE, { id }, Device);
  }
  deviceUnarchive(id: string) {
    return this.write("deviceUnarchive", ops.devices.DEVICE_UNARCHIVE, { id }, Device);
  }
  deviceUpdate(id: string, isTrusted: boolean) {
    return this.write("deviceUpdate", ops.devices.DEVICE_UPDATE, { id, isTrusted }, Device);
  }

  // ------------------------------------------------------------------ groups

  groupsPage(req?: PageRequest<GroupFilter>) {
    return this.page("groups", ops.groups.GROUPS, Group, req);
  }
  groups(filter?: GroupFilter) {
    return this.all("groups", ops.groups.GROUPS, Group, filter);
  }
  group(id: string) {
    return this.read("group", ops.groups.GROUP, { id }, GroupDetail.nullable());
  }
  groupCreate(input: GroupCreateInput) {
    return this.write("groupCreate", ops.groups.GROUP_CREATE, input, Group);
  }
  groupUpdate(input: GroupUpdateInput) {
    return this.write("groupUpdate", ops.groups.GROUP_UPDATE, input, Group);
  }
  groupDelete(id: string) {
    return this.remove("groupDelete", ops.groups.GROUP_DELETE, { id });
  }

  // --------------------------------------------------------------- resources

  resourcesPage(req?: PageRequest<NameFilter>) {
    return this.page("resources", ops.resources.RESOURCES, Resource, req);
  }
  resources(filter?: NameFilter) {
    return this.all("resources", ops.resources.RESOURCES, Resource, filter);
  }
  resource(id: string) {
    return this.read("resource", ops.resources.RESOURCE, { id }, ResourceDetail.nullable());
  }
  resourceCreate(input: ResourceCreateInput) {
    return this.write("resourceCreate", ops.resources.RESOURCE_CREATE, input, ResourceDetail);
  }
  resourceUpdate(input: ResourceUpdateInput) {
    return this.write("resourceUpdate", ops.resources.RESOURCE_UPDATE, input, ResourceDetail);
  }
  resourceDelete(id: string) {
    return this.remove("resourceDelete", ops.resources.RESOURCE_DELETE, { id });
  }
  resourceAccessAdd(resourceId: string, access: AccessInput[]) {
    return this.write("resourceAccessAdd", ops.resources.RESOURCE_ACCESS_ADD, { resourceId, access }, ResourceDetail);
  }
  /** Replaces all access: principals not listed lose it. */
  resourceAccessSet(resourceId: string, access: AccessInput[]) {
    return this.write("resourceAccessSet", ops.resources.RESOURCE_ACCESS_SET, { resourceId, access }, ResourceDetail);
  }
  resourceAccessRemove(resourceId: string, principalIds: string[]) {
    return this.write(
      "resourceAccessRemove",
      ops.resources.RESOURCE_ACCESS_REMOVE,
      { resourceId, principalIds },
      ResourceDetail,
    );
  }

  // --------------------------------------------------------- remote networks

  remoteNetworksPage(req?: PageRequest<NameFilter>) {
    return this.page("remoteNetworks", ops.remoteNetworks.REMOTE_NETWORKS, RemoteNetwork, req);
  }
  remoteNetworks(filter?: NameFilter) {
    return this.all("remoteNetworks", ops.remoteNetworks.REMOTE_NETWORKS, RemoteNetwork, filter);
  }
  remoteNetwork(by: IdOrName) {
    return this.read("remoteNetwork", ops.remoteNetworks.REMOTE_NETWORK, { ...by }, RemoteNetworkDetail.nullable());
  }
  remoteNetworkCreate(input: RemoteNetworkCreateInput) {
    return this.write("remoteNetworkCreate", ops.remoteNetworks.REMOTE_NETWORK_CREATE, input, RemoteNetwork);
  }
  remoteNetworkUpdate(input: RemoteNetworkUpdateInput) {
    return this.write("remoteNetworkUpdate", ops.remoteNetworks.REMOTE_NETWORK_UPDATE, input, RemoteNetwork);
  }
  /** Refused (ok:false) while the network still has resources. */
  remoteNetworkDelete(id: string) {
    return this.remove("remoteNetworkDelete", ops.remoteNetworks.REMOTE_NETWORK_DELETE, { id });
  }

  // ------------------------------------------------------- security policies

  securityPoliciesPage(req?: PageRequest<SecurityPolicyFilter>) {
    return this.page("securityPolicies", ops.securityPolicies.SECURITY_POLICIES, SecurityPolicy, req);
  }
  securityPolicies(filter?: SecurityPolicyFilter) {
    return this.all("securityPolicies", ops.securityPolicies.SECURITY_POLICIES, SecurityPolicy, filter);
  }
  securityPolicy(by: IdOrName) {
    return this.read(
      "securityPolicy",
      ops.securityPolicies.SECURITY_POLICY,
      { ...by },
      SecurityPolicyDetail.nullable(),
    );
  }
  securityPolicyUpdate(input: SecurityPolicyUpdateInput) {
    return this.write("securityPolicyUpdate", ops.securityPolicies.SECURITY_POLICY_UPDATE, input, SecurityPolicy);
  }

  // -------------------------------------------------------- service accounts

  serviceAccountsPage(req?: PageRequest<NameFilter>) {
    return this.page("serviceAccounts", ops.serviceAccounts.SERVICE_ACCOUNTS, ServiceAccount, req);
  }
  serviceAccounts(filter?: NameFilter) {
    return this.all("serviceAccounts", ops.serviceAccounts.SERVICE_ACCOUNTS, ServiceAccount, filter);
  }
  serviceAccount(id: string) {
    return this.read("serviceAccount", ops.serviceAccounts.SERVICE_ACCOUNT, { id }, ServiceAccountDetail.nullable());
  }
  serviceAccountKey(by: IdOrName) {
    return this.read(
      "serviceAccountKey",
      ops.serviceAccounts.SERVICE_ACCOUNT_KEY,
      { ...by },
      ServiceAccountKey.nullable(),
    );
  }
  serviceAccountCreate(input: ServiceAccountCreateInput) {
    return this.write("serviceAccountCreate", ops.serviceAccounts.SERVICE_ACCOUNT_CREATE, input, ServiceAccount);
  }
  serviceAccountUpdate(input: ServiceAccountUpdateInput) {
    return this.write("serviceAccountUpdate", ops.serviceAccounts.SERVICE_ACCOUNT_UPDATE, input, ServiceAccount);
  }
  serviceAccountDelete(id: string) {
    return this.remove("serviceAccountDelete", ops.serviceAccounts.SERVICE_ACCOUNT_DELETE, { id });
  }
  /** The token is shown here once and never again. */
  async serviceAccountKeyCreate(
    input: ServiceAccountKeyCreateInput,
  ): Promise<{ key: ServiceAccountKey; token: string }> {
    const field = "serviceAccountKeyCreate";
    const p = unwrapPayload(
      field,
      await graphql(this.t, "write", {
        field,
        document: ops.serviceAccounts.SERVICE_ACCOUNT_KEY_CREATE,
        variables: { ...input },
        schema: ServiceAccountKeyCreatePayload,
      }),
    );
    if (!p.entity || !p.token) {
      throw new VendorError({
        vendor: "twingate",
        operation: field,
        kind: "invalid_response",
        status: 200,
        retryable: false,
        vendorMessage: "ok:true without the key or its token",
      });
    }
    return { key: p.entity, token: p.token };
  }
  serviceAccountKeyUpdate(id: string, name: string) {
    return this.write(
      "serviceAccountKeyUpdate",
      ops.serviceAccounts.SERVICE_ACCOUNT_KEY_UPDATE,
      { id, name },
      ServiceAccountKey,
    );
  }
  serviceAccountKeyRevoke(id: string) {
    return this.write(
      "serviceAccountKeyRevoke",
      ops.serviceAccounts.SERVICE_ACCOUNT_KEY_REVOKE,
      { id },
      ServiceAccountKey,
    );
  }
  serviceAccountKeyDelete(id: string) {
    return this.remove("serviceAccountKeyDelete", ops.serviceAccounts.SERVICE_ACCOUNT_KEY_DELETE, { id });
  }

  // -------------------------------------------------------------- connectors

  connectorsPage(req?: PageRequest<ConnectorFilter>) {
    return this.page("connectors", ops.connectors.CONNECTORS, Connector, req);
  }
  connectors(filter?: ConnectorFilter) {
    return this.all("connectors", ops.connectors.CONNECTORS, Connector, filter);
  }
  connector(id: string) {
    return this.read("connector", ops.connectors.CONNECTOR, { id }, Connector.nullable());
  }
  connectorCreate(input: ConnectorCreateInput) {
    return this.write("connectorCreate", ops.connectors.CONNECTOR_CREATE, input, Connector);
  }
  connectorUpdate(input: ConnectorUpdateInput) {
    return this.write("connectorUpdate", ops.connectors.CONNECTOR_UPDATE, input, Connector);
  }
  connectorDelete(id: string) {
    return this.remove("connectorDelete", ops.connectors.CONNECTOR_DELETE, { id });
  }
  async connectorGenerateTokens(connectorId: string): Promise<ConnectorTokens> {
    const field = "connectorGenerateTokens";
    const p = unwrapPayload(
      field,
      await graphql(this.t, "write", {
        field,
        document: ops.connectors.CONNECTOR_GENERATE_TOKENS,
        variables: { connectorId },
        schema: ConnectorTokensPayload,
      }),
    );
    if (!p.connectorTokens) {
      throw new VendorError({
        vendor: "twingate",
        operation: field,
        kind: "invalid_response",
        status: 200,
        retryable: false,
        vendorMessage: "ok:true without tokens",
      });
    }
    return p.connectorTokens;
  }

  // --------------------------------------------------------- access requests

  /** Open requests (one resource's, or one user's, when filtered); a settled request is no longer listed. */
  accessRequests(filter?: { resourceId?: { in: string[] }; userId?: { in: string[] } }) {
    return this.all("accessRequests", ops.accessRequests.ACCESS_REQUESTS, AccessRequest, filter);
  }
  accessRequest(id: string) {
    return this.read("accessRequest", ops.accessRequests.ACCESS_REQUEST, { id }, AccessRequest.nullable());
  }
  accessRequestApprove(id: string) {
    return this.remove("accessRequestApprove", ops.accessRequests.ACCESS_REQUEST_APPROVE, { id });
  }
  accessRequestReject(id: string) {
    return this.remove("accessRequestReject", ops.accessRequests.ACCESS_REQUEST_REJECT, { id });
  }
}
