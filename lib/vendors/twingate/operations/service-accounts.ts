import { listQuery, PAGE_INFO, SERVICE_ACCOUNT_FIELDS, SERVICE_ACCOUNT_KEY_FIELDS } from "./fragments";

export const SERVICE_ACCOUNTS = listQuery(
  "TwingateServiceAccounts",
  "serviceAccounts",
  "ServiceAccountFilterInput",
  SERVICE_ACCOUNT_FIELDS,
);

export const SERVICE_ACCOUNT = `query TwingateServiceAccount($id: ID!) {
  serviceAccount(id: $id) {
    ...ServiceAccountFields
    keys(first: 100) { ${PAGE_INFO} edges { cursor node { ...ServiceAccountKeyFields } } }
    resources(first: 100) { ${PAGE_INFO} edges { cursor node { id name } } }
  }
}
${SERVICE_ACCOUNT_FIELDS}
${SERVICE_ACCOUNT_KEY_FIELDS}`;

export const SERVICE_ACCOUNT_KEY = `query TwingateServiceAccountKey($id: ID, $name: String) {
  serviceAccountKey(id: $id, name: $name) { ...ServiceAccountKeyFields }
}
${SERVICE_ACCOUNT_KEY_FIELDS}`;

export const SERVICE_ACCOUNT_CREATE = `mutation TwingateServiceAccountCreate($name: String!, $resourceIds: [ID]) {
  serviceAccountCreate(name: $name, resourceIds: $resourceIds) { ok error entity { ...ServiceAccountFields } }
}
${SERVICE_ACCOUNT_FIELDS}`;

export const SERVICE_ACCOUNT_UPDATE =
  `mutation TwingateServiceAccountUpdate($id: ID!, $name: String, ` +
  `$addedResourceIds: [ID], $removedResourceIds: [ID], $resourceIds: [ID]) {
  serviceAccountUpdate(id: $id, name: $name, addedResourceIds: $addedResourceIds, ` +
  `removedResourceIds: $removedResourceIds, resourceIds: $resourceIds) {
    ok error entity { ...ServiceAccountFields }
  }
}
${SERVICE_ACCOUNT_FIELDS}`;

export const SERVICE_ACCOUNT_DELETE = `mutation TwingateServiceAccountDelete($id: ID!) {
  serviceAccountDelete(id: $id) { ok error }
}`;

export const SERVICE_ACCOUNT_KEY_CREATE =
  `mutation TwingateServiceAccountKeyCreate($serviceAccountId: ID!, ` +
  `$name: String, $expirationTime: Int!) {
  serviceAccountKeyCreate(serviceAccountId: $serviceAccountId, name: $name, expirationTime: $expirationTime) {
    ok error token entity { ...ServiceAccountKeyFields }
  }
}
${SERVICE_ACCOUNT_KEY_FIELDS}`;

export const SERVICE_ACCOUNT_KEY_UPDATE = `mutation TwingateServiceAccountKeyUpdate($id: ID!, $name: String!) {
  serviceAccountKeyUpdate(id: $id, name: $name) { ok error entity { ...ServiceAccountKeyFields } }
}
${SERVICE_ACCOUNT_KEY_FIELDS}`;

export const SERVICE_ACCOUNT_KEY_REVOKE = `mutation TwingateServiceAccountKeyRevoke($id: ID!) {
  serviceAccountKeyRevoke(id: $id) { ok error entity { ...ServiceAccountKeyFields } }
}
${SERVICE_ACCOUNT_KEY_FIELDS}`;

export const SERVICE_ACCOUNT_KEY_DELETE = `mutation TwingateServiceAccountKeyDelete($id: ID!) {
  serviceAccountKeyDelete(id: $id) { ok error }
}`;
