import type { z } from "zod";
import { type ClientTuning, clientsFor } from "../../vendors/clients";
import type { FetchLike, RetryPolicy } from "../../vendors/core/http";
import type { OpenConnection } from "../../vendors/load-connection";
import type { Pacer } from "../../vendors/twingate/pacer";
import { connectionOf, type ServiceAccountKey } from "../../vendors/twingate/schemas";
import { graphql, type TransportOptions } from "../../vendors/twingate/transport";
import {
  type AccessEdge,
  GROUP_MEMBERS,
  GROUPS_WITH_MEMBERS,
  GroupMembersResult,
  GroupWithMembers,
  RESOURCE_ACCESS,
  RESOURCES_WITH_ACCESS,
  ResourceAccessResult,
  ResourceWithAccess,
  SERVICE_ACCOUNT_KEYS,
  SERVICE_ACCOUNTS_WITH_KEYS,
  ServiceAccountKeysResult,
  ServiceAccountWithKeys,
} from "./documents";
import { emptyPage } from "./pages";

export interface ReadTuning {
  fetch: FetchLike;
  pacer: Pacer;
  retry: RetryPolicy;
  timeoutMs: number;
  pageSize: number;
}

/**
 * Every page the sync reads, each one paced call. Flat lists go through the
 * typed client; lists with nested connections use the client's transport
 * (same pacer, retries and error mapping) with documents/ of this folder.
 */
export function twingateReads(connection: OpenConnection, tuning: ReadTuning) {
  const { pacer, retry, timeoutMs, pageSize, fetch } = tuning;
  const clientTuning: ClientTuning & { pacer: Pacer } = { pacer, retry, timeoutMs, fetch };
  const client = clientsFor.twingate(connection, clientTuning);
  const transport: TransportOptions = {
    baseUrl: connection.baseUrl,
    apiKey: connection.secrets.apiKey ?? "",
    fetch,
    timeoutMs,
    retry,
    pacer,
  };
  const query = <S extends z.ZodType>(field: string, document: string, variables: Record<string, unknown>, schema: S) =>
    graphql(transport, "read", { field, document, variables, schema });
  const list = { first: pageSize };
  const nested = { first: pageSize, nestedFirst: pageSize };

  return {
    users: (after: string | null) => client.usersPage({ ...list, after }),
    devices: (after: string | null) => client.devicesPage({ ...list, after }),
    remoteNetworks: (after: string | null) => client.remoteNetworksPage({ ...list, after }),
    connectors: (after: string | null) => client.connectorsPage({ ...list, after }),
    securityPolicies: (after: string | null) => client.securityPoliciesPage({ ...list, after }),

    groups: (after: string | null) =>
      query("groups", GROUPS_WITH_MEMBERS, { ...nested, after }, connectionOf(GroupWithMembers)),
    groupMembers: async (id: string, after: string | null) =>
      (await query("group", GROUP_MEMBERS, { ...list, id, after }, GroupMembersResult))?.users ??
      emptyPage<{ cursor: string; node: { id: string } }>(),

    resources: (after: string | null) =>
      query("resources", RESOURCES_WITH_ACCESS, { ...nested, after }, connectionOf(ResourceWithAccess)),
    resourceAccess: async (id: string, after: string | null) =>
      (await query("resource", RESOURCE_ACCESS, { ...list, id, after }, ResourceAccessResult))?.access ??
      emptyPage<AccessEdge>(),

    serviceAccounts: (after: string | null) =>
      query("serviceAccounts", SERVICE_ACCOUNTS_WITH_KEYS, { ...nested, after }, connectionOf(ServiceAccountWithKeys)),
    serviceAccountKeys: async (id: string, after: string | null) =>
      (await query("serviceAccount", SERVICE_ACCOUNT_KEYS, { ...list, id, after }, ServiceAccountKeysResult))?.keys ??
      emptyPage<{ cursor: string; node: ServiceAccountKey }>(),
  };
}

export type TwingateReads = ReturnType<typeof twingateReads>;
