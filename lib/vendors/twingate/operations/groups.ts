import { GROUP_FIELDS, listQuery, PAGE_INFO } from "./fragments";

export const GROUPS = listQuery("TwingateGroups", "groups", "GroupFilterInput", GROUP_FIELDS);

export const GROUP = `query TwingateGroup($id: ID!) {
  group(id: $id) {
    ...GroupFields
    users(first: 100) { ${PAGE_INFO} edges { cursor node { id email firstName lastName } } }
    resources(first: 100) { ${PAGE_INFO} edges { cursor node { id name } } }
  }
}
${GROUP_FIELDS}`;

export const GROUP_CREATE =
  `mutation TwingateGroupCreate($name: String!, ` +
  `$userIds: [ID], $resourceIds: [ID], $securityPolicyId: ID) {
  groupCreate(name: $name, userIds: $userIds, resourceIds: $resourceIds, securityPolicyId: $securityPolicyId) {
    ok error entity { ...GroupFields }
  }
}
${GROUP_FIELDS}`;

export const GROUP_UPDATE = `mutation TwingateGroupUpdate(
  $id: ID!, $name: String, $isActive: Boolean,
  $addedUserIds: [ID], $removedUserIds: [ID], $userIds: [ID],
  $addedResourceIds: [ID], $removedResourceIds: [ID], $resourceIds: [ID],
  $securityPolicyId: ID
) {
  groupUpdate(
    id: $id, name: $name, isActive: $isActive,
    addedUserIds: $addedUserIds, removedUserIds: $removedUserIds, userIds: $userIds,
    addedResourceIds: $addedResourceIds, removedResourceIds: $removedResourceIds, resourceIds: $resourceIds,
    securityPolicyId: $securityPolicyId
  ) { ok error entity { ...GroupFields } }
}
${GROUP_FIELDS}`;

export const GROUP_DELETE = `mutation TwingateGroupDelete($id: ID!) {
  groupDelete(id: $id) { ok error }
}`;
