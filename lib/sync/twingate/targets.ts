import type {
  Connector,
  Device,
  Group,
  RemoteNetwork,
  Resource,
  SecurityPolicy,
  ServiceAccount,
  ServiceAccountKey,
  User,
} from "../../vendors/twingate/schemas";
import { isoTime, normEmail, type SyncTarget } from "../target";
import type { AccessGrant } from "./documents";

// Drift is reported only for values a helpdesk acts on: for the small
// resources in VendorObject, the name and the few `attributes` below
// (connector state and heartbeats change by themselves, so they are not).

export const userTarget: SyncTarget<User> = {
  vendor: "twingate",
  resource: "user",
  table: "TwingateUser",
  vendorId: (u) => u.id,
  label: (u) => u.email,
  columns: [
    { name: "email", type: "text", value: (u) => u.email ?? "" },
    { name: "emailNorm", type: "text", value: (u) => normEmail(u.email) },
    { name: "firstName", type: "text", value: (u) => u.firstName },
    { name: "lastName", type: "text", value: (u) => u.lastName },
    { name: "state", type: "text", value: (u) => u.state },
    { name: "role", type: "text", value: (u) => u.role },
    { name: "type", type: "text", value: (u) => u.type },
    { name: "createdAtVendor", type: "timestamptz", value: (u) => isoTime(u.createdAt) },
  ],
  tracked: ["email", "state", "role"],
};

export const deviceTarget: SyncTarget<Device> = {
  vendor: "twingate",
  resource: "device",
  table: "TwingateDevice",
  vendorId: (d) => d.id,
  label: (d) => d.name ?? d.hostname ?? d.serialNumber,
  columns: [
    { name: "name", type: "text", value: (d) => d.name },
    { name: "userVendorId", type: "text", value: (d) => d.user.id },
    { name: "userEmailNorm", type: "text", value: (d) => normEmail(d.user.email) },
    { name: "activeState", type: "text", value: (d) => d.activeState },
    { name: "isTrusted", type: "bool", value: (d) => d.isTrusted },
    { name: "deviceType", type: "text", value: (d) => d.deviceType },
    { name: "osName", type: "text", value: (d) => d.osName },
    { name: "osVersion", type: "text", value: (d) => d.osVersion },
    { name: "hostname", type: "text", value: (d) => d.hostname },
    { name: "serialNumber", type: "text", value: (d) => d.serialNumber },
    { name: "clientVersion", type: "text", value: (d) => d.clientVersion },
    { name: "lastSuccessfulLoginAt", type: "timestamptz", value: (d) => isoTime(d.lastSuccessfulLoginAt) },
  ],
  tracked: ["activeState", "isTrusted", "userVendorId"],
};

/** A small resource kept in VendorObject under `kind`: its name and the attributes worth watching. */
function namedObject<T extends { id: string; name: string }>(
  resource: string,
  attributes: (o: T) => Record<string, unknown> | null = () => null,
): SyncTarget<T> {
  return {
    vendor: "twingate",
    resource,
    table: "VendorObject",
    kind: resource,
    vendorId: (o) => o.id,
    label: (o) => o.name,
    columns: [
      { name: "name", type: "text", value: (o) => o.name },
      { name: "attributes", type: "jsonb", value: attributes },
    ],
    tracked: ["name", "attributes"],
  };
}

export const groupTarget = namedObject<Group>("group", (g) => ({
  // MANUAL, SYNCED (its members come from the identity provider) or SYSTEM (Everyone: cannot be edited).
  type: g.type,
  isActive: g.isActive,
  securityPolicyId: g.securityPolicy?.id ?? null,
}));
export const resourceTarget = namedObject<Resource>("resource", (r) => ({
  address: r.address.value,
  alias: r.alias,
  isActive: r.isActive,
  isVisible: r.isVisible,
  isBrowserShortcutEnabled: r.isBrowserShortcutEnabled,
  remoteNetworkId: r.remoteNetwork.id,
  securityPolicyId: r.securityPolicy?.id ?? null,
}));
export const remoteNetworkTarget = namedObject<RemoteNetwork>("remote_network", (n) => ({
  location: n.location,
  isActive: n.isActive,
}));
export const connectorTarget = namedObject<Connector>("connector", (c) => ({
  remoteNetworkId: c.remoteNetwork.id,
  hasStatusNotificationsEnabled: c.hasStatusNotificationsEnabled,
}));
export const serviceAccountTarget = namedObject<ServiceAccount>("service_account");
export const serviceAccountKeyTarget = namedObject<ServiceAccountKey>("service_account_key", (k) => ({
  status: k.status,
  expiresAt: k.expiresAt,
  serviceAccountId: k.serviceAccount.id,
}));
export const securityPolicyTarget = namedObject<SecurityPolicy>("security_policy", (p) => ({
  policyType: p.policyType,
}));

export interface GroupMember {
  groupId: string;
  userId: string;
}

// A membership has nothing that can change without it becoming another
// membership: joins and leaves show as created and deleted edges, not drift.
export const groupMemberTarget: SyncTarget<GroupMember> = {
  vendor: "twingate",
  resource: "group_member",
  table: "VendorEdge",
  kind: "group_member",
  vendorId: (m) => `${m.groupId}|${m.userId}`,
  columns: [
    { name: "fromId", type: "text", value: (m) => m.groupId },
    { name: "toId", type: "text", value: (m) => m.userId },
    { name: "attributes", type: "jsonb", value: () => null },
  ],
  tracked: [],
};

/** Who may reach a resource, and under which policy until when. */
export const resourceAccessTarget: SyncTarget<AccessGrant> = {
  vendor: "twingate",
  resource: "resource_access",
  table: "VendorEdge",
  kind: "resource_access",
  vendorId: (a) => `${a.resourceId}|${a.principal.id}`,
  label: (a) => a.principal.name,
  columns: [
    { name: "fromId", type: "text", value: (a) => a.resourceId },
    { name: "toId", type: "text", value: (a) => a.principal.id },
    {
      name: "attributes",
      type: "jsonb",
      value: (a) => ({
        securityPolicyId: a.securityPolicy?.id ?? null,
        expiresAt: isoTime(a.expiresAt),
        principalType: a.principal.__typename === "Group" ? "GROUP" : "SERVICE_ACCOUNT",
      }),
    },
  ],
  tracked: ["attributes"],
};
