import { z } from "zod";
import type { ConnectorTokens } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { connectorRef, shownOnce } from "./_connector";
import { type Cached, cachedObjects, fromAnswer, Id, NETWORK_OP, sendOne } from "./_object";

type Item = { connectorId: string };

export default operation<Item, Cached, ConnectorTokens>({
  id: "twingate.connector.tokens_generated",
  ...NETWORK_OP,
  label: "Generate connector tokens",
  help:
    "Issues a new access and refresh token for a connector and shows them once: the connector's host is " +
    "deployed again with them.",
  risk: "irreversible",
  idempotent: false,
  input: z.object({ connectorId: Id }),
  before: cachedObjects("connector", "connector", (i: Item) => i.connectorId),
  expect: () => ({ tokensIssued: true }),
  call: sendOne((c, { item }) => c.connectorGenerateTokens(item.connectorId)),
  irreversible: "No undo: tokens once issued are the connector's until new ones are.",
  audit: {
    targets: (i, s) => [connectorRef(i.connectorId, s?.name)],
    before: () => undefined,
    // That tokens were issued, never the tokens.
    after: fromAnswer(() => ({ tokensIssued: true })),
  },
  done: "Tokens generated",
  result: fromAnswer((tokens, d) => ({ name: d.state.name, tokens: shownOnce(tokens) })),
});
