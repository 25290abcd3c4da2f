import { z } from "zod";
import { remoteNetworkTarget } from "../../sync/twingate/targets";
import { cacheDelete } from "../../twingate/cache";
import { operation } from "../operation";
import { attributesOf, type Cached, cachedObjects, Id, NETWORK_OP, ref, sendOne } from "./_object";

type Item = { remoteNetworkId: string };

/** Twingate refuses while the network still has resources; its words are shown as they are. */
export default operation<Item, Cached>({
  id: "twingate.remote_network.deleted",
  ...NETWORK_OP,
  label: "Delete a remote network",
  help: "Deletes an empty remote network and its connectors. Twingate refuses while it still has resources.",
  risk: "destructive",
  idempotent: false,
  input: z.object({ remoteNetworkId: Id }),
  before: cachedObjects("remote_network", "remote network", (i: Item) => i.remoteNetworkId),
  expect: () => null,
  call: sendOne((c, { item }) => c.remoteNetworkDelete(item.remoteNetworkId)),
  cache: async ({ db, tenantId }, done) => {
    for (const { item } of done) {
      await cacheDelete(db, tenantId, remoteNetworkTarget as never, [item.remoteNetworkId]);
      // Its connectors go with it.
      const inNetwork = { path: ["remoteNetworkId"], equals: item.remoteNetworkId };
      await db.vendorObject.updateMany({
        where: { tenantId, vendor: "twingate", kind: "connector", deletedAt: null, attributes: inNetwork },
        data: { deletedAt: new Date() },
      });
    }
  },
  irreversible: "Twingate keeps nothing deleted: the network and its connectors are set up again.",
  audit: {
    targets: (i, s) => [ref("twingate_remote_network", i.remoteNetworkId, s?.name)],
    before: ([s]) => s && { name: s.state.name, ...attributesOf(s.state) },
    after: () => undefined,
  },
  done: "Remote network deleted",
  result: ([d]) => d && { name: d.state.name },
});
