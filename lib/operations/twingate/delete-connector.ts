import { z } from "zod";
import { connectorTarget } from "../../sync/twingate/targets";
import { cacheDelete } from "../../twingate/cache";
import { operation } from "../operation";
import { connectorRef } from "./_connector";
import { attributesOf, type Cached, cachedObjects, Id, NETWORK_OP, sendOne } from "./_object";

type Item = { connectorId: string };

export default operation<Item, Cached>({
  id: "twingate.connector.deleted",
  ...NETWORK_OP,
  label: "Delete a connector",
  help: "Deletes a connector: the remote network is reached through its other connectors, if it has any.",
  risk: "destructive",
  idempotent: false,
  input: z.object({ connectorId: Id }),
  before: cachedObjects("connector", "connector", (i: Item) => i.connectorId),
  expect: () => null,
  call: sendOne((c, { item }) => c.connectorDelete(item.connectorId)),
  cache: async ({ db, tenantId }, done) => {
    for (const { item } of done) await cacheDelete(db, tenantId, connectorTarget as never, [item.connectorId]);
  },
  irreversible: "Twingate keeps no deleted connector: a new one is created and its host deployed again.",
  audit: {
    targets: (i, s) => [connectorRef(i.connectorId, s?.name)],
    before: ([s]) => s && { name: s.state.name, ...attributesOf(s.state) },
    after: () => undefined,
  },
  done: "Connector deleted",
  result: ([d]) => d && { name: d.state.name },
});
