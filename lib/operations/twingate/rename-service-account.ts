import { z } from "zod";
import { serviceAccountTarget } from "../../sync/twingate/targets";
import type { ServiceAccount } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { formerValues } from "../targets";
import { type Cached, cacheAnswer, fromAnswer, Id, Name, NETWORK_OP, sendOne } from "./_object";
import { cachedAccounts, saRef } from "./_service-account";

type Item = { serviceAccountId: string; name: string };

export default operation<Item, Cached, ServiceAccount>({
  id: "twingate.service_account.renamed",
  ...NETWORK_OP,
  label: "Rename a service account",
  help: "Renames a service account; its keys and access stay as they are.",
  risk: "reversible",
  idempotent: true,
  input: z.object({ serviceAccountId: Id, name: Name }),
  before: cachedAccounts,
  expect: (i) => ({ name: i.name }),
  call: sendOne((c, { item }) => c.serviceAccountUpdate({ id: item.serviceAccountId, name: item.name })),
  cache: cacheAnswer(serviceAccountTarget),
  // Undone by renaming it back to the name its event recorded before.
  inverse: {
    op: "twingate.service_account.renamed",
    label: "Rename it back",
    items: formerValues("twingate_service_account", "serviceAccountId", (b) =>
      typeof b.name === "string" ? { name: b.name } : null,
    ),
  },
  audit: {
    targets: (i, s) => [saRef(i.serviceAccountId, s?.name)],
    before: ([s]) => s && { name: s.state.name },
    after: fromAnswer((sa) => ({ name: sa.name })),
  },
  done: "Service account renamed",
  result: fromAnswer((sa) => ({ name: sa.name })),
});
