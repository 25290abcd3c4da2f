"use server";
import { actionOf } from "../operations/derive/action";
import changePolicyGroups from "../operations/twingate/change-policy-groups";
import createConnector from "../operations/twingate/create-connector";
import createRemoteNetwork from "../operations/twingate/create-remote-network";
import deleteConnector from "../operations/twingate/delete-connector";
import deleteRemoteNetwork from "../operations/twingate/delete-remote-network";
import generateConnectorTokens from "../operations/twingate/generate-connector-tokens";
import updateConnector from "../operations/twingate/update-connector";
import updateRemoteNetwork from "../operations/twingate/update-remote-network";
import type { REMOTE_NETWORK_LOCATIONS } from "./constants";

// Remote networks, connectors and security policies shape the whole network: admins.
// Every surface is derived from lib/operations/twingate/.

type Location = (typeof REMOTE_NETWORK_LOCATIONS)[number];
type In = { tenantId: string; undoOf?: string };

export const createTwingateRemoteNetwork = actionOf<
  In & { name: string; location?: Location },
  { id: string; name: string }
>(createRemoteNetwork);

export const updateTwingateRemoteNetwork = actionOf<
  In & { remoteNetworkId: string; name: string; location: Location },
  { name: string }
>(updateRemoteNetwork);

/** Twingate refuses while the network still has resources; its words are shown as they are. */
export const deleteTwingateRemoteNetwork = actionOf<In & { remoteNetworkId: string }, { name: string }>(
  deleteRemoteNetwork,
);

export const updateTwingateConnector = actionOf<
  In & { connectorId: string; name: string; hasStatusNotificationsEnabled?: boolean | "on" | "true" | "false" },
  { name: string; notifications: boolean }
>(updateConnector);

type Tokens = { accessToken: string; refreshToken: string };

/** The tokens are in the result once, for the page to show; the audit event and the cache never hold them. */
export const createTwingateConnector = actionOf<
  In & { remoteNetworkId: string; name?: string; hasStatusNotificationsEnabled?: boolean | "on" | "true" | "false" },
  { id: string; name: string; tokens: Tokens | null; tokenError: string | null }
>(createConnector);

export const generateTwingateConnectorTokens = actionOf<In & { connectorId: string }, { name: string; tokens: Tokens }>(
  generateConnectorTokens,
);

export const deleteTwingateConnector = actionOf<In & { connectorId: string }, { name: string }>(deleteConnector);

/**
 * Assigns groups to a policy or takes them off it (they fall back to the
 * default policy). Like a group's own policy change, this re-points every
 * resource those groups reach.
 */
export const changeTwingatePolicyGroups = actionOf<
  In & { securityPolicyId: string; addedGroupIds?: string[]; removedGroupIds?: string[] },
  { name: string; added: number; removed: number }
>(changePolicyGroups);
