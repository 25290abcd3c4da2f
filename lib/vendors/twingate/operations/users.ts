import { GROUP_FIELDS, listQuery, PAGE_INFO, USER_FIELDS } from "./fragments";

export const USERS = listQuery("TwingateUsers", "users", "UserFilterInput", USER_FIELDS);

export const USER = `query TwingateUser($id: ID!) {
  user(id: $id) {
    ...UserFields
    groups(first: 100) { ${PAGE_INFO} edges { cursor node { ...GroupFields } } }
  }
}
${USER_FIELDS}
${GROUP_FIELDS}`;

export const USER_CREATE =
  `mutation TwingateUserCreate($email: String!, $firstName: String, ` +
  `$lastName: String, $role: UserRole, $shouldSendInvite: Boolean) {
  userCreate(email: $email, firstName: $firstName, ` +
  `lastName: $lastName, role: $role, shouldSendInvite: $shouldSendInvite) {
    ok error entity { ...UserFields }
  }
}
${USER_FIELDS}`;

export const USER_DETAILS_UPDATE =
  `mutation TwingateUserDetailsUpdate($id: ID!, $firstName: String, ` +
  `$lastName: String, $state: UserStateUpdateInput) {
  userDetailsUpdate(id: $id, firstName: $firstName, lastName: $lastName, state: $state) {
    ok error entity { ...UserFields }
  }
}
${USER_FIELDS}`;

export const USER_ROLE_UPDATE = `mutation TwingateUserRoleUpdate($id: ID!, $role: UserRole!) {
  userRoleUpdate(id: $id, role: $role) { ok error entity { ...UserFields } }
}
${USER_FIELDS}`;

export const USER_DELETE = `mutation TwingateUserDelete($id: ID!) {
  userDelete(id: $id) { ok error }
}`;
