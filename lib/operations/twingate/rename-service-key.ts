import { z } from "zod";
import { serviceAccountKeyTarget } from "../../sync/twingate/targets";
import type { ServiceAccountKey } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { type Cached, cacheAnswer, fromAnswer, Id, Name, NETWORK_OP, sendOne } from "./_object";
import { cachedKeys, keyRef } from "./_service-account";

type Item = { keyId: string; name: string };

export default operation<Item, Cached, ServiceAccountKey>({
  id: "twingate.service_account_key.renamed",
  ...NETWORK_OP,
  label: "Rename a service key",
  help: "Renames a service account's key; its token stays valid.",
  risk: "irreversible",
  idempotent: true,
  input: z.object({ keyId: Id, name: Name }),
  before: cachedKeys,
  expect: (i) => ({ name: i.name }),
  call: sendOne((c, { item }) => c.serviceAccountKeyUpdate(item.keyId, item.name)),
  cache: cacheAnswer(serviceAccountKeyTarget),
  irreversible: "No undo: an admin renames the key back on its page.",
  audit: {
    targets: (i, s) => [keyRef(i.keyId, s?.name)],
    before: ([s]) => s && { name: s.state.name },
    after: fromAnswer((key) => ({ name: key.name })),
  },
  done: "Service key renamed",
  result: fromAnswer((key) => ({ name: key.name })),
});
