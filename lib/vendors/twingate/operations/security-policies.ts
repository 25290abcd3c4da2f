import { listQuery, PAGE_INFO, SECURITY_POLICY_FIELDS } from "./fragments";

export const SECURITY_POLICIES = listQuery(
  "TwingateSecurityPolicies",
  "securityPolicies",
  "SecurityPolicyFilterField",
  SECURITY_POLICY_FIELDS,
);

export const SECURITY_POLICY = `query TwingateSecurityPolicy($id: ID, $name: String) {
  securityPolicy(id: $id, name: $name) {
    ...SecurityPolicyFields
    groups(first: 100) { ${PAGE_INFO} edges { cursor node { id name } } }
  }
}
${SECURITY_POLICY_FIELDS}`;

export const SECURITY_POLICY_UPDATE =
  `mutation TwingateSecurityPolicyUpdate($id: ID!, ` +
  `$addedGroupIds: [ID], $removedGroupIds: [ID], $groupIds: [ID]) {
  securityPolicyUpdate(id: $id, addedGroupIds: $addedGroupIds, removedGroupIds: $removedGroupIds, groupIds: $groupIds) {
    ok error entity { ...SecurityPolicyFields }
  }
}
${SECURITY_POLICY_FIELDS}`;
