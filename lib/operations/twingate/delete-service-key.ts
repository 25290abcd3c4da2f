import { z } from "zod";
import { serviceAccountKeyTarget } from "../../sync/twingate/targets";
import { cacheDelete } from "../../twingate/cache";
import { operation } from "../operation";
import { attributesOf, type Cached, Id, NETWORK_OP, sendOne } from "./_object";
import { cachedKeys, keyRef } from "./_service-account";

type Item = { keyId: string };

/** Twingate deletes only revoked or expired keys; it says so itself otherwise. */
export default operation<Item, Cached>({
  id: "twingate.service_account_key.deleted",
  ...NETWORK_OP,
  label: "Delete a service key",
  help: "Deletes a revoked or expired key of a service account; Twingate refuses an active one.",
  risk: "destructive",
  idempotent: false,
  input: z.object({ keyId: Id }),
  before: cachedKeys,
  expect: () => null,
  call: sendOne((c, { item }) => c.serviceAccountKeyDelete(item.keyId)),
  cache: async ({ db, tenantId }, done) =>
    cacheDelete(
      db,
      tenantId,
      serviceAccountKeyTarget as never,
      done.map((d) => d.item.keyId),
    ),
  irreversible: "Twingate keeps nothing deleted; the key was revoked or expired already.",
  audit: {
    targets: (i, s) => [keyRef(i.keyId, s?.name)],
    before: ([s]) => s && { name: s.state.name, ...attributesOf(s.state) },
    after: () => undefined,
  },
  done: "Service key deleted",
  result: ([d]) => d && { name: d.state.name },
});
