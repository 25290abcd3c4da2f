import { z } from "zod";
import { serviceAccountTarget } from "../../sync/twingate/targets";
import { cacheDeleteGrants } from "../../twingate/access-cache";
import { cacheDelete } from "../../twingate/cache";
import { operation } from "../operation";
import { type Cached, Id, NETWORK_OP, sendOne } from "./_object";
import { cachedAccounts, saRef } from "./_service-account";

type Item = { serviceAccountId: string };

export default operation<Item, Cached>({
  id: "twingate.service_account.deleted",
  ...NETWORK_OP,
  label: "Delete a service account",
  help: "Deletes a service account with its keys and its access to resources.",
  risk: "destructive",
  idempotent: false,
  input: z.object({ serviceAccountId: Id }),
  before: cachedAccounts,
  expect: () => null,
  call: sendOne((c, { item }) => c.serviceAccountDelete(item.serviceAccountId)),
  cache: async ({ db, tenantId }, done) => {
    for (const { item } of done) {
      const id = item.serviceAccountId;
      await cacheDelete(db, tenantId, serviceAccountTarget as never, [id]);
      // Its keys and its access go with it.
      await db.vendorObject.updateMany({
        where: {
          tenantId,
          vendor: "twingate",
          kind: "service_account_key",
          deletedAt: null,
          attributes: { path: ["serviceAccountId"], equals: id },
        },
        data: { deletedAt: new Date() },
      });
      await cacheDeleteGrants(db, tenantId, { principalId: id });
    }
  },
  irreversible: "Twingate keeps nothing deleted: a new account needs new keys and access.",
  audit: {
    targets: (i, s) => [saRef(i.serviceAccountId, s?.name)],
    before: ([s]) => s && { name: s.state.name },
    after: () => undefined,
  },
  done: "Service account deleted",
  result: ([d]) => d && { name: d.state.name },
});
