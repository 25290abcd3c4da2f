// Argument shapes of the queries and mutations, as the schema declares them.
// An omitted optional field is left unchanged by the vendor; null clears it where the schema allows.

export interface StringFilter {
  eq?: string;
  ne?: string;
  in?: string[];
  startsWith?: string;
  endsWith?: string;
  contains?: string;
  regexp?: string;
}
type In<T> = { in: T[] };

export type UserRoleName = "ACCESS_REVIEWER" | "ADMIN" | "DEVOPS" | "MEMBER" | "SUPPORT";
export type RemoteNetworkLocationName = "AWS" | "AZURE" | "GOOGLE_CLOUD" | "ON_PREMISE" | "OTHER";

/** MANUAL: added in Twingate; SYNCED: from the identity provider. */
export type UserTypeName = "MANUAL" | "SYNCED";

export interface UserFilter {
  email?: StringFilter;
  firstName?: StringFilter;
  lastName?: StringFilter;
  role?: In<UserRoleName>;
  type?: In<UserTypeName>;
}
export interface DeviceFilter {
  activeState?: In<"ACTIVE" | "ARCHIVED" | "BLOCKED">;
  isTrusted?: { eq: boolean };
  serialNumber?: StringFilter;
}
export interface GroupFilter {
  name?: StringFilter;
  originId?: StringFilter;
  type?: In<"MANUAL" | "SYNCED" | "SYSTEM">;
  isActive?: { eq: boolean };
}
export interface NameFilter {
  name?: StringFilter;
}
export interface ConnectorFilter extends NameFilter {
  state?: In<"ALIVE" | "DEAD_HEARTBEAT_TOO_OLD" | "DEAD_NO_HEARTBEAT" | "DEAD_NO_RELAYS">;
}
export interface SecurityPolicyFilter extends NameFilter {
  policyType?: In<"DEFAULT_RESOURCE" | "RESOURCE">;
}

export interface PageRequest<F> {
  first?: number;
  after?: string | null;
  filter?: F;
}

/** Look-ups the schema allows by id or by name. */
export type IdOrName = { id: string; name?: never } | { name: string; id?: never };

export interface UserCreateInput {
  email: string;
  firstName?: string;
  lastName?: string;
  role?: UserRoleName;
  shouldSendInvite?: boolean;
}
export interface UserDetailsUpdateInput {
  id: string;
  firstName?: string;
  lastName?: string;
  state?: "ACTIVE" | "DISABLED";
}

export interface GroupCreateInput {
  name: string;
  userIds?: string[];
  resourceIds?: string[];
  securityPolicyId?: string;
}
export interface GroupUpdateInput {
  id: string;
  name?: string;
  isActive?: boolean;
  addedUserIds?: string[];
  removedUserIds?: string[];
  userIds?: string[];
  addedResourceIds?: string[];
  removedResourceIds?: string[];
  resourceIds?: string[];
  /** Re-points every Resource the Group can reach, not only those named in this call. */
  securityPolicyId?: string;
}

export interface PortRangeInput {
  start: number;
  end: number;
}
export interface ProtocolInput {
  policy: "ALLOW_ALL" | "RESTRICTED";
  ports?: PortRangeInput[];
}
export interface ProtocolsInput {
  allowIcmp: boolean;
  tcp: ProtocolInput;
  udp: ProtocolInput;
}

export interface ResourceCreateInput {
  name: string;
  address: string;
  remoteNetworkId: string;
  alias?: string;
  groupIds?: string[];
  isBrowserShortcutEnabled?: boolean;
  isVisible?: boolean;
  protocols?: ProtocolsInput;
  securityPolicyId?: string;
  usageBasedAutolockDurationDays?: number;
}
export interface ResourceUpdateInput {
  id: string;
  name?: string;
  address?: string;
  alias?: string | null;
  isActive?: boolean;
  isVisible?: boolean;
  isBrowserShortcutEnabled?: boolean;
  remoteNetworkId?: string;
  securityPolicyId?: string;
  protocols?: ProtocolsInput;
  usageBasedAutolockDurationDays?: number | null;
  groupIds?: string[];
  addedGroupIds?: string[];
  removedGroupIds?: string[];
}

/** Omitted = unchanged, null = cleared. Policy and expiry must stay unset for Service Accounts. */
export interface AccessInput {
  principalId: string;
  securityPolicyId?: string | null;
  expiresAt?: string | null;
  usageBasedAutolockDurationDays?: number | null;
}

export interface RemoteNetworkCreateInput {
  name: string;
  location?: RemoteNetworkLocationName;
  isActive?: boolean;
}
export interface RemoteNetworkUpdateInput {
  id: string;
  name?: string;
  location?: RemoteNetworkLocationName;
  isActive?: boolean;
}

export interface SecurityPolicyUpdateInput {
  id: string;
  addedGroupIds?: string[];
  removedGroupIds?: string[];
  groupIds?: string[];
}

export interface ServiceAccountCreateInput {
  name: string;
  resourceIds?: string[];
}
export interface ServiceAccountUpdateInput {
  id: string;
  name?: string;
  addedResourceIds?: string[];
  removedResourceIds?: string[];
  resourceIds?: string[];
}
export interface ServiceAccountKeyCreateInput {
  serviceAccountId: string;
  name?: string;
  /** Days until the key expires; 0 = never. */
  expirationTime: number;
}

export interface ConnectorCreateInput {
  remoteNetworkId: string;
  name?: string;
  hasStatusNotificationsEnabled?: boolean;
}
export interface ConnectorUpdateInput {
  id: string;
  name?: string;
  hasStatusNotificationsEnabled?: boolean;
}
