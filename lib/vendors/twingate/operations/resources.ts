import { ACCESS_FIELDS, listQuery, RESOURCE_FIELDS } from "./fragments";

export const RESOURCES = listQuery("TwingateResources", "resources", "ResourceFilterInput", RESOURCE_FIELDS);

export const RESOURCE = `query TwingateResource($id: ID!) {
  resource(id: $id) { ...ResourceFields ...AccessFields }
}
${RESOURCE_FIELDS}
${ACCESS_FIELDS}`;

export const RESOURCE_CREATE = `mutation TwingateResourceCreate(
  $name: String!, $address: String!, $remoteNetworkId: ID!, $alias: String, $groupIds: [ID],
  $isBrowserShortcutEnabled: Boolean, $isVisible: Boolean, $protocols: ProtocolsInput,
  $securityPolicyId: ID, $usageBasedAutolockDurationDays: Int
) {
  resourceCreate(
    name: $name, address: $address, remoteNetworkId: $remoteNetworkId, alias: $alias, groupIds: $groupIds,
    isBrowserShortcutEnabled: $isBrowserShortcutEnabled, isVisible: $isVisible, protocols: $protocols,
    securityPolicyId: $securityPolicyId, usageBasedAutolockDurationDays: $usageBasedAutolockDurationDays
  ) { ok error entity { ...ResourceFields ...AccessFields } }
}
${RESOURCE_FIELDS}
${ACCESS_FIELDS}`;

export const RESOURCE_UPDATE = `mutation TwingateResourceUpdate(
  $id: ID!, $name: String, $address: String, $alias: String, $isActive: Boolean, $isVisible: Boolean,
  $isBrowserShortcutEnabled: Boolean, $remoteNetworkId: ID, $securityPolicyId: ID, $protocols: ProtocolsInput,
  $usageBasedAutolockDurationDays: Int, $groupIds: [ID], $addedGroupIds: [ID], $removedGroupIds: [ID]
) {
  resourceUpdate(
    id: $id, name: $name, address: $address, alias: $alias, isActive: $isActive, isVisible: $isVisible,
    isBrowserShortcutEnabled: $isBrowserShortcutEnabled, remoteNetworkId: $remoteNetworkId,
    securityPolicyId: $securityPolicyId, protocols: $protocols,
    usageBasedAutolockDurationDays: $usageBasedAutolockDurationDays,
    groupIds: $groupIds, addedGroupIds: $addedGroupIds, removedGroupIds: $removedGroupIds
  ) { ok error entity { ...ResourceFields ...AccessFields } }
}
${RESOURCE_FIELDS}
${ACCESS_FIELDS}`;

export const RESOURCE_DELETE = `mutation TwingateResourceDelete($id: ID!) {
  resourceDelete(id: $id) { ok error }
}`;

const accessChange = (
  operation: string,
  field: string,
) => `mutation ${operation}($resourceId: ID!, $access: [AccessInput!]!) {
  ${field}(resourceId: $resourceId, access: $access) { ok error entity { ...ResourceFields ...AccessFields } }
}
${RESOURCE_FIELDS}
${ACCESS_FIELDS}`;

export const RESOURCE_ACCESS_ADD = accessChange("TwingateResourceAccessAdd", "resourceAccessAdd");
export const RESOURCE_ACCESS_SET = accessChange("TwingateResourceAccessSet", "resourceAccessSet");

export const RESOURCE_ACCESS_REMOVE =
  `mutation TwingateResourceAccessRemove($resourceId: ID!, $principalIds: [ID!]!) {
  resourceAccessRemove(resourceId: $resourceId, ` +
  `principalIds: $principalIds) { ok error entity { ...ResourceFields ...AccessFields } }
}
${RESOURCE_FIELDS}
${ACCESS_FIELDS}`;
