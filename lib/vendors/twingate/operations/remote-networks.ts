import { listQuery, PAGE_INFO, REMOTE_NETWORK_FIELDS } from "./fragments";

export const REMOTE_NETWORKS = listQuery(
  "TwingateRemoteNetworks",
  "remoteNetworks",
  "RemoteNetworkFilterInput",
  REMOTE_NETWORK_FIELDS,
);

export const REMOTE_NETWORK = `query TwingateRemoteNetwork($id: ID, $name: String) {
  remoteNetwork(id: $id, name: $name) {
    ...RemoteNetworkFields
    connectors(first: 100) { ${PAGE_INFO} edges { cursor node { id name state } } }
    resources(first: 100) { ${PAGE_INFO} edges { cursor node { id name } } }
  }
}
${REMOTE_NETWORK_FIELDS}`;

export const REMOTE_NETWORK_CREATE =
  `mutation TwingateRemoteNetworkCreate($name: String!, $location: RemoteNetworkLocation, $isActive: Boolean) {
  remoteNetworkCreate(name: $name, location: $location, ` +
  `isActive: $isActive) { ok error entity { ...RemoteNetworkFields } }
}
${REMOTE_NETWORK_FIELDS}`;

export const REMOTE_NETWORK_UPDATE =
  `mutation TwingateRemoteNetworkUpdate($id: ID!, $name: String, ` +
  `$location: RemoteNetworkLocation, $isActive: Boolean) {
  remoteNetworkUpdate(id: $id, name: $name, location: $location, ` +
  `isActive: $isActive) { ok error entity { ...RemoteNetworkFields } }
}
${REMOTE_NETWORK_FIELDS}`;

export const REMOTE_NETWORK_DELETE = `mutation TwingateRemoteNetworkDelete($id: ID!) {
  remoteNetworkDelete(id: $id) { ok error }
}`;
