import { z } from "zod";
import {
  GROUP_FIELDS,
  PAGE_INFO,
  RESOURCE_FIELDS,
  SERVICE_ACCOUNT_FIELDS,
  SERVICE_ACCOUNT_KEY_FIELDS,
} from "../../vendors/twingate/operations/fragments";
import {
  connectionOf,
  Group,
  PageInfo,
  Principal,
  Resource,
  ServiceAccount,
  ServiceAccountKey,
} from "../../vendors/twingate/schemas";

// Lists with their nested connections. The client reads members, access and
// keys one parent at a time and only their first 100; here the first page of
// each rides along with the parent's list page, and only a parent whose
// nested connection has more is asked again, from its own cursor.

const id = z.string().min(1);
const ref = z.object({ id, name: z.string() });

const MEMBERS = `users(first: $nestedFirst) { ${PAGE_INFO} edges { cursor node { id } } }`;
const ACCESS_EDGES = `${PAGE_INFO}
    edges {
      cursor expiresAt usageBasedAutolockDurationDays
      securityPolicy { id name }
      node { __typename ... on Group { id name } ... on ServiceAccount { id name } }
    }`;
const KEYS = `${PAGE_INFO} edges { cursor node { ...ServiceAccountKeyFields } }`;

export const GROUPS_WITH_MEMBERS = `query TwingateSyncGroups($first: Int, $after: String, $nestedFirst: Int) {
  groups(first: $first, after: $after) {
    ${PAGE_INFO}
    edges { cursor node { ...GroupFields ${MEMBERS} } }
  }
}
${GROUP_FIELDS}`;

export const GROUP_MEMBERS = `query TwingateSyncGroupMembers($id: ID!, $first: Int, $after: String) {
  group(id: $id) { id users(first: $first, after: $after) { ${PAGE_INFO} edges { cursor node { id } } } }
}`;

export const RESOURCES_WITH_ACCESS = `query TwingateSyncResources($first: Int, $after: String, $nestedFirst: Int) {
  resources(first: $first, after: $after) {
    ${PAGE_INFO}
    edges { cursor node { ...ResourceFields access(first: $nestedFirst) { ${ACCESS_EDGES} } } }
  }
}
${RESOURCE_FIELDS}`;

export const RESOURCE_ACCESS = `query TwingateSyncResourceAccess($id: ID!, $first: Int, $after: String) {
  resource(id: $id) { id access(first: $first, after: $after) { ${ACCESS_EDGES} } }
}`;

export const SERVICE_ACCOUNTS_WITH_KEYS =
  `query TwingateSyncServiceAccounts($first: Int, ` +
  `$after: String, $nestedFirst: Int) {
  serviceAccounts(first: $first, after: $after) {
    ${PAGE_INFO}
    edges { cursor node { ...ServiceAccountFields keys(first: $nestedFirst) { ${KEYS} } } }
  }
}
${SERVICE_ACCOUNT_FIELDS}
${SERVICE_ACCOUNT_KEY_FIELDS}`;

export const SERVICE_ACCOUNT_KEYS = `query TwingateSyncServiceAccountKeys($id: ID!, $first: Int, $after: String) {
  serviceAccount(id: $id) { id keys(first: $first, after: $after) { ${KEYS} } }
}
${SERVICE_ACCOUNT_KEY_FIELDS}`;

const Member = z.object({ id });
export const MemberPage = connectionOf(Member);

const AccessEdge = z.object({
  cursor: z.string(),
  node: Principal,
  securityPolicy: ref.nullable(),
  expiresAt: z.string().nullable(),
  usageBasedAutolockDurationDays: z.number().int().nullable(),
});
export const AccessPage = z.object({ pageInfo: PageInfo, totalCount: z.number().int(), edges: z.array(AccessEdge) });
export type AccessEdge = z.infer<typeof AccessEdge>;

export const KeyPage = connectionOf(ServiceAccountKey);

export const GroupWithMembers = Group.extend({ users: MemberPage });
export const ResourceWithAccess = Resource.extend({ access: AccessPage });
export const ServiceAccountWithKeys = ServiceAccount.extend({ keys: KeyPage });

export const GroupMembersResult = z.object({ id, users: MemberPage }).nullable();
export const ResourceAccessResult = z.object({ id, access: AccessPage }).nullable();
export const ServiceAccountKeysResult = z.object({ id, keys: KeyPage }).nullable();

/** One access grant as cached: the edge without its cursor, which moves when other grants change. */
export interface AccessGrant {
  resourceId: string;
  principal: z.infer<typeof Principal>;
  securityPolicy: { id: string; name: string } | null;
  expiresAt: string | null;
  usageBasedAutolockDurationDays: number | null;
}

export function accessGrant(resourceId: string, edge: AccessEdge): AccessGrant {
  return {
    resourceId,
    principal: edge.node,
    securityPolicy: edge.securityPolicy,
    expiresAt: edge.expiresAt,
    usageBasedAutolockDurationDays: edge.usageBasedAutolockDurationDays,
  };
}
