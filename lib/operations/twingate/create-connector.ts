import { z } from "zod";
import { connectorTarget } from "../../sync/twingate/targets";
import type { TwingateClient } from "../../vendors/twingate/client";
import type { Connector, ConnectorTokens } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { createdObject } from "../targets";
import { connectorRef, shownOnce } from "./_connector";
import {
  type Cached,
  cacheAnswer,
  cachedObjects,
  Flag,
  fromAnswer,
  Id,
  NETWORK_OP,
  OptionalName,
  ref,
} from "./_object";

type Item = { remoteNetworkId: string; name?: string; hasStatusNotificationsEnabled: boolean };
/** The connector and the tokens its host is deployed with: Twingate shows them in this answer only. */
type Answer = { connector: Connector; tokens: ConnectorTokens | null; tokenError?: string };

export default operation<Item, Cached, Answer>({
  id: "twingate.connector.created",
  ...NETWORK_OP,
  label: "Create a connector",
  help: "Creates a connector in a remote network and shows its access and refresh tokens once, to deploy it with.",
  risk: "reversible",
  idempotent: false,
  input: z.object({
    remoteNetworkId: Id,
    name: OptionalName,
    hasStatusNotificationsEnabled: Flag,
  }),
  before: cachedObjects("remote_network", "remote network", (i: Item) => i.remoteNetworkId),
  expect: (i) => ({ name: i.name ?? null, remoteNetworkId: i.remoteNetworkId }),
  call: async (ctx, [s]) => {
    if (!s) return [];
    const c = ctx.client as TwingateClient;
    const connector = await c.connectorCreate({
      remoteNetworkId: s.item.remoteNetworkId,
      name: s.item.name,
      hasStatusNotificationsEnabled: s.item.hasStatusNotificationsEnabled,
    });
    // The connector exists now: a refused token call is told, and the tokens can be made again from its row.
    try {
      const tokens = await c.connectorGenerateTokens(connector.id);
      return [{ ok: true, message: `Twingate: connector ${connector.name} created.`, answer: { connector, tokens } }];
    } catch (err) {
      const tokenError = err instanceof Error ? err.message : String(err);
      const message = `Twingate: connector ${connector.name} created, but its tokens were not: ${tokenError}`;
      return [{ ok: true, message, answer: { connector, tokens: null, tokenError } }];
    }
  },
  cache: cacheAnswer(connectorTarget, (a: Answer) => a.connector),
  // Undone by deleting the connector it made (a host deployed with its tokens meanwhile stops connecting).
  inverse: {
    op: "twingate.connector.deleted",
    label: "Delete the connector",
    items: createdObject("twingate_connector", "connectorId"),
  },
  audit: {
    targets: (i, s, made) => [
      ref("twingate_remote_network", i.remoteNetworkId, s?.name),
      ...(made ? [connectorRef(made.connector.id, made.connector.name)] : []),
    ],
    before: () => undefined,
    // Whether tokens were issued, never the tokens.
    after: fromAnswer(({ connector, tokens }) => ({
      name: connector.name,
      remoteNetworkId: connector.remoteNetwork.id,
      hasStatusNotificationsEnabled: connector.hasStatusNotificationsEnabled,
      tokensIssued: tokens !== null,
    })),
  },
  done: "Connector created",
  result: fromAnswer(({ connector, tokens, tokenError }) => ({
    id: connector.id,
    name: connector.name,
    tokens: tokens && shownOnce(tokens),
    tokenError: tokenError ?? null,
  })),
});
