import { CONNECTOR_FIELDS, listQuery } from "./fragments";

export const CONNECTORS = listQuery("TwingateConnectors", "connectors", "ConnectorFilterInput", CONNECTOR_FIELDS);

export const CONNECTOR = `query TwingateConnector($id: ID!) {
  connector(id: $id) { ...ConnectorFields }
}
${CONNECTOR_FIELDS}`;

export const CONNECTOR_CREATE =
  `mutation TwingateConnectorCreate($remoteNetworkId: ID!, $name: String, $hasStatusNotificationsEnabled: Boolean) {
  connectorCreate(remoteNetworkId: $remoteNetworkId, name: $name, ` +
  `hasStatusNotificationsEnabled: $hasStatusNotificationsEnabled) {
    ok error entity { ...ConnectorFields }
  }
}
${CONNECTOR_FIELDS}`;

export const CONNECTOR_UPDATE =
  `mutation TwingateConnectorUpdate($id: ID!, ` +
  `$name: String, $hasStatusNotificationsEnabled: Boolean) {
  connectorUpdate(id: $id, name: $name, hasStatusNotificationsEnabled: $hasStatusNotificationsEnabled) {
    ok error entity { ...ConnectorFields }
  }
}
${CONNECTOR_FIELDS}`;

export const CONNECTOR_DELETE = `mutation TwingateConnectorDelete($id: ID!) {
  connectorDelete(id: $id) { ok error }
}`;

export const CONNECTOR_GENERATE_TOKENS = `mutation TwingateConnectorGenerateTokens($connectorId: ID!) {
  connectorGenerateTokens(connectorId: $connectorId) { ok error connectorTokens { accessToken refreshToken } }
}`;
