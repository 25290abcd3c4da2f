import { z } from "zod";

// Response shapes of the documents in operations/, as schema.reconstructed.graphql types them.

const id = z.string().min(1);
const dateTime = z.string();
const ref = z.object({ id, name: z.string() });

export const PageInfo = z.object({
  hasNextPage: z.boolean(),
  hasPreviousPage: z.boolean(),
  startCursor: z.string().nullable(),
  endCursor: z.string().nullable(),
});

function buildConnection<T extends z.ZodType>(node: T) {
  return z.object({
    pageInfo: PageInfo,
    totalCount: z.number().int(),
    edges: z.array(z.object({ cursor: z.string(), node })),
  });
}

/**
 * Built once per node schema: building a zod schema costs more
 * than parsing a page with it, and pages are read by the thousand.
 */
const connections = new WeakMap<z.ZodType, ReturnType<typeof buildConnection>>();
export function connectionOf<T extends z.ZodType>(node: T): ReturnType<typeof buildConnection<T>> {
  let c = connections.get(node);
  if (!c) {
    c = buildConnection(node);
    connections.set(node, c);
  }
  return c as ReturnType<typeof buildConnection<T>>;
}
export interface Connection<T> {
  pageInfo: z.infer<typeof PageInfo>;
  totalCount: number;
  edges: { cursor: string; node: T }[];
}

export const UserRole = z.enum(["ACCESS_REVIEWER", "ADMIN", "DEVOPS", "MEMBER", "SUPPORT"]);
export const UserState = z.enum(["ACTIVE", "DISABLED", "PENDING"]);
export const DeviceActiveState = z.enum(["ACTIVE", "ARCHIVED", "BLOCKED"]);
export const GroupType = z.enum(["MANUAL", "SYNCED", "SYSTEM"]);
export const ConnectorState = z.enum(["ALIVE", "DEAD_HEARTBEAT_TOO_OLD", "DEAD_NO_HEARTBEAT", "DEAD_NO_RELAYS"]);
export const RemoteNetworkLocation = z.enum(["AWS", "AZURE", "GOOGLE_CLOUD", "ON_PREMISE", "OTHER"]);
export const SecurityPolicyType = z.enum(["DEFAULT_RESOURCE", "RESOURCE"]);
export const ServiceAccountKeyStatus = z.enum(["ACTIVE", "EXPIRED", "REVOKED"]);
export const ProtocolPolicy = z.enum(["ALLOW_ALL", "RESTRICTED"]);

export const User = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  state: UserState,
  role: UserRole,
  type: z.enum(["MANUAL", "SYNCED"]),
  createdAt: dateTime,
  updatedAt: dateTime,
  avatarUrl: z.string().nullable(),
});
export type User = z.infer<typeof User>;

export const Group = z.object({
  id,
  name: z.string(),
  type: GroupType,
  isActive: z.boolean(),
  originId: z.string().nullable(),
  createdAt: dateTime,
  updatedAt: dateTime,
  securityPolicy: ref,
});
export type Group = z.infer<typeof Group>;

export const UserDetail = User.extend({ groups: connectionOf(Group) });
export type UserDetail = z.infer<typeof UserDetail>;

export const GroupDetail = Group.extend({
  users: connectionOf(z.object({ id, email: z.string().nullable(), firstName: z.string(), lastName: z.string() })),
  resources: connectionOf(ref),
});
export type GroupDetail = z.infer<typeof GroupDetail>;

export const Device = z.object({
  id,
  name: z.string().nullable(),
  isTrusted: z.boolean(),
  activeState: DeviceActiveState,
  deviceType: z.enum(["DESKTOP", "GENERIC", "LAPTOP", "MOBILE", "TABLET"]),
  osName: z.enum(["ANDROID", "CHROME_OS", "IOS", "IPADOS", "LINUX", "MAC_OS", "WINDOWS"]).nullable(),
  osVersion: z.string().nullable(),
  hardwareModel: z.string().nullable(),
  hostname: z.string().nullable(),
  username: z.string().nullable(),
  serialNumber: z.string().nullable(),
  clientVersion: z.string().nullable(),
  manufacturerName: z.string().nullable(),
  internetSecurityConfiguration: z.string(),
  lastSuccessfulLoginAt: dateTime.nullable(),
  lastFailedLoginAt: dateTime.nullable(),
  /** Deprecated by the vendor; always empty. */
  lastConnectedAt: dateTime.nullable(),
  user: z.object({ id, email: z.string().nullable() }),
});
export type Device = z.infer<typeof Device>;

const Protocol = z.object({
  policy: ProtocolPolicy,
  ports: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
});

export const Resource = z.object({
  id,
  name: z.string(),
  alias: z.string().nullable(),
  isActive: z.boolean(),
  isVisible: z.boolean(),
  isBrowserShortcutEnabled: z.boolean(),
  usageBasedAutolockDurationDays: z.number().int().nullable(),
  createdAt: dateTime,
  updatedAt: dateTime,
  address: z.object({ type: z.enum(["DNS", "IP"]), value: z.string() }),
  remoteNetwork: ref,
  securityPolicy: ref.nullable(),
  protocols: z.object({ allowIcmp: z.boolean(), tcp: Protocol, udp: Protocol }),
});
export type Resource = z.infer<typeof Resource>;

export const Principal = z.discriminatedUnion("__typename", [
  z.object({ __typename: z.literal("Group"), id, name: z.string() }),
  z.object({ __typename: z.literal("ServiceAccount"), id, name: z.string() }),
]);

export const ResourceDetail = Resource.extend({
  access: z.object({
    pageInfo: PageInfo,
    totalCount: z.number().int(),
    edges: z.array(
      z.object({
        cursor: z.string(),
        node: Principal,
        securityPolicy: ref.nullable(),
        expiresAt: dateTime.nullable(),
        usageBasedAutolockDurationDays: z.number().int().nullable(),
      }),
    ),
  }),
});
export type ResourceDetail = z.infer<typeof ResourceDetail>;

export const RemoteNetwork = z.object({
  id,
  name: z.string(),
  location: RemoteNetworkLocation,
  isActive: z.boolean(),
  createdAt: dateTime,
  updatedAt: dateTime,
});
export type RemoteNetwork = z.infer<typeof RemoteNetwork>;

export const RemoteNetworkDetail = RemoteNetwork.extend({
  connectors: connectionOf(z.object({ id, name: z.string(), state: ConnectorState })),
  resources: connectionOf(ref),
});
export type RemoteNetworkDetail = z.infer<typeof RemoteNetworkDetail>;

export const SecurityPolicy = z.object({
  id,
  name: z.string(),
  policyType: SecurityPolicyType,
  createdAt: dateTime,
  updatedAt: dateTime,
});
export type SecurityPolicy = z.infer<typeof SecurityPolicy>;

export const SecurityPolicyDetail = SecurityPolicy.extend({ groups: connectionOf(ref) });
export type SecurityPolicyDetail = z.infer<typeof SecurityPolicyDetail>;

export const ServiceAccountKey = z.object({
  id,
  name: z.string(),
  status: ServiceAccountKeyStatus,
  expiresAt: dateTime.nullable(),
  revokedAt: dateTime.nullable(),
  createdAt: dateTime,
  updatedAt: dateTime,
  serviceAccount: z.object({ id }),
});
export type ServiceAccountKey = z.infer<typeof ServiceAccountKey>;

export const ServiceAccount = z.object({ id, name: z.string(), createdAt: dateTime, updatedAt: dateTime });
export type ServiceAccount = z.infer<typeof ServiceAccount>;

export const ServiceAccountDetail = ServiceAccount.extend({
  keys: connectionOf(ServiceAccountKey),
  resources: connectionOf(ref),
});
export type ServiceAccountDetail = z.infer<typeof ServiceAccountDetail>;

/** A user's request for access to a resource, waiting for an admin. */
export const AccessRequest = z.object({
  id,
  reason: z.string().nullable(),
  requestedAt: dateTime,
  user: z.object({ id, email: z.string(), firstName: z.string(), lastName: z.string() }),
  resource: ref,
});
export type AccessRequest = z.infer<typeof AccessRequest>;

export const Connector = z.object({
  id,
  name: z.string(),
  state: ConnectorState,
  lastHeartbeatAt: dateTime.nullable(),
  hostname: z.string().nullable(),
  version: z.string().nullable(),
  publicIP: z.string().nullable(),
  privateIPs: z.array(z.string()),
  hasStatusNotificationsEnabled: z.boolean(),
  createdAt: dateTime,
  updatedAt: dateTime,
  remoteNetwork: ref,
});
export type Connector = z.infer<typeof Connector>;

export const ConnectorTokens = z.object({ accessToken: z.string(), refreshToken: z.string() });
export type ConnectorTokens = z.infer<typeof ConnectorTokens>;

// Mutation payloads: business failures are ok:false with the vendor's text in `error`.

export function payloadOf<T extends z.ZodType>(entity: T) {
  return z.object({ ok: z.boolean(), error: z.string().nullable(), entity: entity.nullable() });
}
export const DeletePayload = z.object({ ok: z.boolean(), error: z.string().nullable() });
export const ServiceAccountKeyCreatePayload = payloadOf(ServiceAccountKey).extend({ token: z.string().nullable() });
export const ConnectorTokensPayload = DeletePayload.extend({ connectorTokens: ConnectorTokens.nullable() });

/** The HTTP body of every answer: data and/or GraphQL errors. */
export const GraphqlEnvelope = z.object({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z
    .array(z.looseObject({ message: z.string(), path: z.array(z.union([z.string(), z.number()])).optional() }))
    .optional(),
});
