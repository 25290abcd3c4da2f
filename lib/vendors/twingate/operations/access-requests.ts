import { listQuery } from "./fragments";

const ACCESS_REQUEST_FIELDS = `fragment AccessRequestFields on AccessRequest {
  id reason requestedAt
  user { id email firstName lastName }
  resource { id name }
}`;

export const ACCESS_REQUESTS = listQuery(
  "TwingateAccessRequests",
  "accessRequests",
  "AccessRequestFilterInput",
  ACCESS_REQUEST_FIELDS,
);

export const ACCESS_REQUEST = `query TwingateAccessRequest($id: ID!) {
  accessRequest(id: $id) { ...AccessRequestFields }
}
${ACCESS_REQUEST_FIELDS}`;

export const ACCESS_REQUEST_APPROVE = `mutation TwingateAccessRequestApprove($id: ID!) {
  accessRequestApprove(id: $id) { ok error }
}`;

export const ACCESS_REQUEST_REJECT = `mutation TwingateAccessRequestReject($id: ID!) {
  accessRequestReject(id: $id) { ok error }
}`;
