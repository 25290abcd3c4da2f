import { z } from "zod";
import { serviceAccountKeyTarget } from "../../sync/twingate/targets";
import type { ServiceAccountKey } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { formerValues } from "../targets";
import { type Cached, cacheAnswer, fromAnswer, Id, Name, NETWORK_OP, sendOne } from "./_object";
import { cachedKeys, keyRef } from "./_service-account";

type Item = { keyId: string; name: string };

export default operation<Item, Cached, ServiceAccountKey>({
  id: "twingate.service_account_key.renamed",
  ...NETWORK_OP,
  label: "Rename a service key",
  help: "Renames a service account's key; its token stays valid.",
  risk: "reversible",
  idempotent: true,
  input: z.object({ keyId: Id, name: Name }),
  before: cachedKeys,
  expect: (i) => ({ name: i.name }),
  call: sendOne((c, { item }) => c.serviceAccountKeyUpdate(item.keyId, item.name)),
  cache: cacheAnswer(serviceAccountKeyTarget),
  // Undone by renaming it back to the name its event recorded before.
  inverse: {
    op: "twingate.service_account_key.renamed",
    label: "Rename it back",
    items: formerValues("twingate_service_account_key", "keyId", (b) =>
      typeof b.name === "string" ? { name: b.name } : null,
    ),
  },
  audit: {
    targets: (i, s) => [keyRef(i.keyId, s?.name)],
    before: ([s]) => s && { name: s.state.name },
    after: fromAnswer((key) => ({ name: key.name })),
  },
  done: "Service key renamed",
  result: fromAnswer((key) => ({ name: key.name })),
});
