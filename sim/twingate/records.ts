// The simulator's in-memory rows. Field names match the GraphQL schema where
// the value is served as is, so graphql's default resolver reads them directly.

export type UserRole = "ACCESS_REVIEWER" | "ADMIN" | "DEVOPS" | "MEMBER" | "SUPPORT";
export type UserState = "ACTIVE" | "DISABLED" | "PENDING";
export type DeviceActiveState = "ACTIVE" | "ARCHIVED" | "BLOCKED";
export type GroupType = "MANUAL" | "SYNCED" | "SYSTEM";
export type ConnectorState = "ALIVE" | "DEAD_HEARTBEAT_TOO_OLD" | "DEAD_NO_HEARTBEAT" | "DEAD_NO_RELAYS";
export type RemoteNetworkLocation = "AWS" | "AZURE" | "GOOGLE_CLOUD" | "ON_PREMISE" | "OTHER";

interface Row {
  n: number;
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface UserRow extends Row {
  firstName: string;
  lastName: string;
  email: string;
  state: UserState;
  role: UserRole;
  type: "MANUAL" | "SYNCED";
  avatarUrl: string | null;
}

export interface DeviceRow {
  n: number;
  id: string;
  userN: number;
  name: string;
  activeState: DeviceActiveState;
  isTrusted: boolean;
  deviceType: "DESKTOP" | "GENERIC" | "LAPTOP" | "MOBILE" | "TABLET";
  osName: "ANDROID" | "CHROME_OS" | "IOS" | "IPADOS" | "LINUX" | "MAC_OS" | "WINDOWS";
  osVersion: string;
  hardwareModel: string;
  hostname: string | null;
  username: string | null;
  serialNumber: string;
  clientVersion: string;
  manufacturerName: string;
  internetSecurityConfiguration: string;
  lastSuccessfulLoginAt: string | null;
  lastFailedLoginAt: string | null;
}

/** A user's request for access to a resource, awaiting an admin's approval or rejection. */
export interface AccessRequestRow extends Row {
  userN: number;
  resourceN: number;
  reason: string | null;
  requestedAt: string;
}

export interface GroupRow extends Row {
  __typename: "Group";
  name: string;
  type: GroupType;
  isActive: boolean;
  originId: string | null;
  securityPolicyN: number;
  /** The SYSTEM "Everyone" group holds every user without listing them. */
  everyone: boolean;
  userNs: Set<number>;
}

export interface SecurityPolicyRow extends Row {
  name: string;
  policyType: "DEFAULT_RESOURCE" | "RESOURCE";
}

export interface RemoteNetworkRow extends Row {
  name: string;
  location: RemoteNetworkLocation;
  isActive: boolean;
}

export interface PortRange {
  start: number;
  end: number;
}
export interface Protocol {
  policy: "ALLOW_ALL" | "RESTRICTED";
  ports: PortRange[];
}
export interface Protocols {
  allowIcmp: boolean;
  tcp: Protocol;
  udp: Protocol;
}

export interface AccessRow {
  /** "Group:<n>" or "ServiceAccount:<n>". */
  principal: string;
  securityPolicyN: number | null;
  expiresAt: string | null;
  usageBasedAutolockDurationDays: number | null;
}

export interface ResourceRow extends Row {
  name: string;
  address: { type: "DNS" | "IP"; value: string };
  alias: string | null;
  isActive: boolean;
  isVisible: boolean;
  isBrowserShortcutEnabled: boolean;
  remoteNetworkN: number;
  securityPolicyN: number | null;
  protocols: Protocols;
  usageBasedAutolockDurationDays: number | null;
  /** Keyed by principal, in the order access was granted. */
  access: Map<string, AccessRow>;
}

export interface ServiceAccountRow extends Row {
  __typename: "ServiceAccount";
  name: string;
}

export interface ServiceAccountKeyRow extends Row {
  serviceAccountN: number;
  name: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface ConnectorRow extends Row {
  name: string;
  remoteNetworkN: number;
  state: ConnectorState;
  lastHeartbeatAt: string | null;
  hostname: string | null;
  version: string | null;
  publicIP: string | null;
  privateIPs: string[];
  hasStatusNotificationsEnabled: boolean;
}
