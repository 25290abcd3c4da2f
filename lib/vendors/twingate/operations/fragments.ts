// Field selections shared by the documents. Each document appends exactly the
// fragments it spreads: graphql rejects unused or duplicated fragments.

export const PAGE_INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount";

export const USER_FIELDS = `fragment UserFields on User {
  id firstName lastName email state role type createdAt updatedAt avatarUrl
}`;

export const DEVICE_FIELDS = `fragment DeviceFields on Device {
  id name isTrusted activeState deviceType osName osVersion hardwareModel hostname username serialNumber
  clientVersion manufacturerName internetSecurityConfiguration lastSuccessfulLoginAt lastFailedLoginAt lastConnectedAt
  user { id email }
}`;

export const GROUP_FIELDS = `fragment GroupFields on Group {
  id name type isActive originId createdAt updatedAt securityPolicy { id name }
}`;

export const RESOURCE_FIELDS = `fragment ResourceFields on Resource {
  id name alias isActive isVisible isBrowserShortcutEnabled usageBasedAutolockDurationDays createdAt updatedAt
  address { type value }
  remoteNetwork { id name }
  securityPolicy { id name }
  protocols { allowIcmp tcp { policy ports { start end } } udp { policy ports { start end } } }
}`;

export const ACCESS_FIELDS = `fragment AccessFields on Resource {
  access(first: 100) {
    ${PAGE_INFO}
    edges {
      cursor expiresAt usageBasedAutolockDurationDays
      securityPolicy { id name }
      node { __typename ... on Group { id name } ... on ServiceAccount { id name } }
    }
  }
}`;

export const REMOTE_NETWORK_FIELDS = `fragment RemoteNetworkFields on RemoteNetwork {
  id name location isActive createdAt updatedAt
}`;

export const SECURITY_POLICY_FIELDS = `fragment SecurityPolicyFields on SecurityPolicy {
  id name policyType createdAt updatedAt
}`;

export const SERVICE_ACCOUNT_FIELDS = `fragment ServiceAccountFields on ServiceAccount {
  id name createdAt updatedAt
}`;

export const SERVICE_ACCOUNT_KEY_FIELDS = `fragment ServiceAccountKeyFields on ServiceAccountKey {
  id name status expiresAt revokedAt createdAt updatedAt serviceAccount { id }
}`;

export const CONNECTOR_FIELDS = `fragment ConnectorFields on Connector {
  id name state lastHeartbeatAt hostname version publicIP privateIPs hasStatusNotificationsEnabled createdAt updatedAt
  remoteNetwork { id name }
}`;

/** A list query paged with first/after and filtered with the field's own filter input. */
export function listQuery(operation: string, field: string, filterType: string | null, fragment: string): string {
  const fragmentName = /^fragment (\w+)/.exec(fragment)![1];
  const filterVar = filterType ? `, $filter: ${filterType}` : "";
  const filterArg = filterType ? ", filter: $filter" : "";
  return `query ${operation}($first: Int, $after: String${filterVar}) {
  ${field}(first: $first, after: $after${filterArg}) {
    ${PAGE_INFO}
    edges { cursor node { ...${fragmentName} } }
  }
}
${fragment}`;
}
