import type { ConnectorTokens } from "../../vendors/twingate/schemas";
import { ref } from "./_object";

// What creating a connector and renewing its tokens share: the connector's
// tokens are in Twingate's answer once. Only the page's result holds them
// (the browser shows them once, for the connector's host); the cache and the
// audit event never see them.

export const connectorRef = (id: string, label?: string | null) => ref("twingate_connector", id, label);

/** The tokens as the page shows them once. */
export const shownOnce = (t: ConnectorTokens) => ({ accessToken: t.accessToken, refreshToken: t.refreshToken });
