import { connection, type PageArgs } from "./connection";
import { matchBool, matchIn, matchString, type StringFilter } from "./filters";
import { idNumber, type NodeType } from "./ids";
import type {
  AccessRequestRow,
  AccessRow,
  ConnectorRow,
  DeviceRow,
  GroupRow,
  RemoteNetworkRow,
  ResourceRow,
  SecurityPolicyRow,
  ServiceAccountKeyRow,
  ServiceAccountRow,
  UserRow,
} from "./records";
import type { ResolverMap } from "./schema";
import type { TwingateState } from "./state";

type Args<F> = PageArgs & { filter?: F | null };
type NameFilter = { name?: StringFilter | null };
type UserFilter = {
  email?: StringFilter | null;
  firstName?: StringFilter | null;
  lastName?: StringFilter | null;
  role?: { in?: string[] | null } | null;
  type?: { in?: string[] | null } | null;
};
type GroupFilter = {
  name?: StringFilter | null;
  originId?: StringFilter | null;
  type?: { in?: string[] | null } | null;
  isActive?: { eq?: boolean | null } | null;
};
type DeviceFilter = {
  activeState?: { in?: string[] | null } | null;
  isTrusted?: { eq?: boolean | null } | null;
  serialNumber?: StringFilter | null;
};
type ConnectorFilter = NameFilter & { state?: { in?: string[] | null } | null };
type PolicyFilter = NameFilter & { policyType?: { in?: string[] | null } | null };
type AccessFilter = { principalType?: { in?: string[] | null } | null };
type AccessRequestFilter = {
  resourceId?: { in?: string[] | null } | null;
  userId?: { in?: string[] | null } | null;
};

/** Whether a row's number is among the global ids an `in` filter lists (no filter: any). */
const idIn = (n: number, type: NodeType, ids?: string[] | null) => !ids || ids.some((id) => idNumber(id, type) === n);

const userMatches = (u: UserRow, f?: UserFilter | null) =>
  !f ||
  (matchString(u.email, f.email) &&
    matchString(u.firstName, f.firstName) &&
    matchString(u.lastName, f.lastName) &&
    matchIn(u.role, f.role) &&
    matchIn(u.type, f.type));
const groupMatches = (g: GroupRow, f?: GroupFilter | null) =>
  !f ||
  (matchString(g.name, f.name) &&
    matchString(g.originId, f.originId) &&
    matchIn(g.type, f.type) &&
    matchBool(g.isActive, f.isActive));
const deviceMatches = (d: DeviceRow, f?: DeviceFilter | null) =>
  !f ||
  (matchIn(d.activeState, f.activeState) &&
    matchBool(d.isTrusted, f.isTrusted) &&
    matchString(d.serialNumber, f.serialNumber));
const named = (x: { name: string }, f?: NameFilter | null) => !f || matchString(x.name, f.name);

function list<T>(rows: Iterable<T>, keep: (row: T) => boolean): T[] {
  const out: T[] = [];
  for (const row of rows) if (keep(row)) out.push(row);
  return out;
}

/** Query roots and the object fields that are not plain row properties. */
export function queryResolvers(s: TwingateState): ResolverMap {
  const byName = <T extends { name: string }>(rows: Map<number, T>, name: string) =>
    list(rows.values(), (r) => r.name === name)[0] ?? null;
  const principal = (key: string): GroupRow | ServiceAccountRow | undefined => {
    const [type, n] = key.split(":");
    return type === "Group" ? s.groups.get(Number(n)) : s.serviceAccounts.get(Number(n));
  };
  const accessEdges = (r: ResourceRow, a: Args<AccessFilter>) => {
    const types = a.filter?.principalType?.in;
    const rows = list(
      r.access.values(),
      (e) => !types || types.includes(e.principal.startsWith("Group:") ? "GROUP" : "SERVICE_ACCOUNT"),
    );
    return connection(rows, a, "access", (e: AccessRow) => ({
      node: principal(e.principal),
      securityPolicy: e.securityPolicyN === null ? null : (s.securityPolicies.get(e.securityPolicyN) ?? null),
      expiresAt: e.expiresAt,
      usageBasedAutolockDurationDays: e.usageBasedAutolockDurationDays,
    }));
  };

  return {
    QueriesRoot: {
      users: (_, a: Args<UserFilter>) =>
        connection(a.filter ? list(s.users.values(), (u) => userMatches(u, a.filter)) : s.users, a, "users"),
      user: (_, a: { id: string }) => s.users.get(idNumber(a.id, "User") ?? -1) ?? null,
      devices: (_, a: Args<DeviceFilter>) =>
        connection(a.filter ? list(s.devices.values(), (d) => deviceMatches(d, a.filter)) : s.devices, a, "devices"),
      device: (_, a: { id: string }) => s.devices.get(idNumber(a.id, "Device") ?? -1) ?? null,
      groups: (_, a: Args<GroupFilter>) =>
        connection(a.filter ? list(s.groups.values(), (g) => groupMatches(g, a.filter)) : s.groups, a, "groups"),
      group: (_, a: { id: string }) => s.groups.get(idNumber(a.id, "Group") ?? -1) ?? null,
      resources: (_, a: Args<NameFilter>) =>
        connection(
          list(s.resources.values(), (r) => named(r, a.filter)),
          a,
          "resources",
        ),
      resource: (_, a: { id: string }) => s.resources.get(idNumber(a.id, "Resource") ?? -1) ?? null,
      remoteNetworks: (_, a: Args<NameFilter>) =>
        connection(
          list(s.remoteNetworks.values(), (r) => named(r, a.filter)),
          a,
          "remoteNetworks",
        ),
      remoteNetwork: (_, a: { id?: string | null; name?: string | null }) =>
        a.id
          ? (s.remoteNetworks.get(idNumber(a.id, "RemoteNetwork") ?? -1) ?? null)
          : a.name
            ? byName(s.remoteNetworks, a.name)
            : null,
      securityPolicies: (_, a: Args<PolicyFilter>) =>
        connection(
          list(s.securityPolicies.values(), (p) => named(p, a.filter) && matchIn(p.policyType, a.filter?.policyType)),
          a,
          "securityPolicies",
        ),
      securityPolicy: (_, a: { id?: string | null; name?: string | null }) =>
        a.id
          ? (s.securityPolicies.get(idNumber(a.id, "SecurityPolicy") ?? -1) ?? null)
          : a.name
            ? byName(s.securityPolicies, a.name)
            : null,
      serviceAccounts: (_, a: Args<NameFilter>) =>
        connection(
          list(s.serviceAccounts.values(), (x) => named(x, a.filter)),
          a,
          "serviceAccounts",
        ),
      serviceAccount: (_, a: { id: string }) => s.serviceAccounts.get(idNumber(a.id, "ServiceAccount") ?? -1) ?? null,
      serviceAccountKey: (_, a: { id?: string | null; name?: string | null }) =>
        a.id
          ? (s.serviceAccountKeys.get(idNumber(a.id, "ServiceAccountKey") ?? -1) ?? null)
          : a.name
            ? byName(s.serviceAccountKeys, a.name)
            : null,
      connectors: (_, a: Args<ConnectorFilter>) =>
        connection(
          list(s.connectors.values(), (c) => named(c, a.filter) && matchIn(c.state, a.filter?.state)),
          a,
          "connectors",
        ),
      connector: (_, a: { id: string }) => s.connectors.get(idNumber(a.id, "Connector") ?? -1) ?? null,
      accessRequests: (_, a: Args<AccessRequestFilter>) =>
        connection(
          list(
            s.accessRequests.values(),
            (x) =>
              idIn(x.userN, "User", a.filter?.userId?.in) && idIn(x.resourceN, "Resource", a.filter?.resourceId?.in),
          ),
          a,
          "accessRequests",
        ),
      accessRequest: (_, a: { id: string }) => s.accessRequests.get(idNumber(a.id, "AccessRequest") ?? -1) ?? null,
      serialNumbers: (_, a: PageArgs) => connection([], a, "serialNumbers"),
    },
    User: {
      isAdmin: (u: UserRow) => u.role === "ADMIN",
      groups: (u: UserRow, a: Args<GroupFilter>) =>
        connection(
          list(s.groups.values(), (g) => s.isMember(g, u.n) && groupMatches(g, a.filter)),
          a,
          "groups",
        ),
    },
    Device: {
      user: (d: DeviceRow) => s.users.get(d.userN),
      // Deprecated by the vendor: always empty.
      lastConnectedAt: () => null,
    },
    Group: {
      securityPolicy: (g: GroupRow) => s.securityPolicies.get(g.securityPolicyN) ?? s.defaultPolicy(),
      // Unfiltered, members are paged as stored (Everyone's are all 50,000 users) rather than copied for each page.
      users: (g: GroupRow, a: Args<UserFilter>) => {
        const members = s.groupMembers(g);
        return connection(a.filter ? list(members.values(), (u) => userMatches(u, a.filter)) : members, a, "users");
      },
      resources: (g: GroupRow, a: Args<NameFilter>) =>
        connection(
          s.resourcesOf(`Group:${g.n}`).filter((r) => named(r, a.filter)),
          a,
          "resources",
        ),
    },
    RemoteNetwork: {
      connectors: (rn: RemoteNetworkRow, a: Args<ConnectorFilter>) =>
        connection(
          list(
            s.connectors.values(),
            (c) => c.remoteNetworkN === rn.n && named(c, a.filter) && matchIn(c.state, a.filter?.state),
          ),
          a,
          "connectors",
        ),
      resources: (rn: RemoteNetworkRow, a: Args<NameFilter>) =>
        connection(
          list(s.resources.values(), (r) => r.remoteNetworkN === rn.n && named(r, a.filter)),
          a,
          "resources",
        ),
    },
    Resource: {
      access: accessEdges,
      remoteNetwork: (r: ResourceRow) => s.remoteNetworks.get(r.remoteNetworkN),
      securityPolicy: (r: ResourceRow) =>
        r.securityPolicyN === null ? null : (s.securityPolicies.get(r.securityPolicyN) ?? null),
      groups: (r: ResourceRow, a: Args<GroupFilter>) =>
        connection(
          list(s.groups.values(), (g) => r.access.has(`Group:${g.n}`) && groupMatches(g, a.filter)),
          a,
          "groups",
        ),
      serviceAccounts: (r: ResourceRow, a: Args<NameFilter>) =>
        connection(
          list(s.serviceAccounts.values(), (x) => r.access.has(`ServiceAccount:${x.n}`) && named(x, a.filter)),
          a,
          "serviceAccounts",
        ),
    },
    SecurityPolicy: {
      groups: (p: SecurityPolicyRow, a: Args<GroupFilter>) =>
        connection(
          list(s.groups.values(), (g) => g.securityPolicyN === p.n && groupMatches(g, a.filter)),
          a,
          "groups",
        ),
    },
    ServiceAccount: {
      keys: (sa: ServiceAccountRow, a: PageArgs) =>
        connection(
          list(s.serviceAccountKeys.values(), (k) => k.serviceAccountN === sa.n),
          a,
          "keys",
        ),
      resources: (sa: ServiceAccountRow, a: Args<NameFilter>) =>
        connection(
          s.resourcesOf(`ServiceAccount:${sa.n}`).filter((r) => named(r, a.filter)),
          a,
          "resources",
        ),
    },
    ServiceAccountKey: {
      status: (k: ServiceAccountKeyRow) => s.keyStatus(k),
      serviceAccount: (k: ServiceAccountKeyRow) => s.serviceAccounts.get(k.serviceAccountN),
    },
    Connector: {
      remoteNetwork: (c: ConnectorRow) => s.remoteNetworks.get(c.remoteNetworkN),
    },
    AccessRequest: {
      user: (x: AccessRequestRow) => s.users.get(x.userN),
      resource: (x: AccessRequestRow) => s.resources.get(x.resourceN),
    },
  };
}
