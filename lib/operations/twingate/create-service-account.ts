import { z } from "zod";
import { serviceAccountTarget } from "../../sync/twingate/targets";
import type { ServiceAccount } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { createdObject } from "../targets";
import { cacheAnswer, creating, fromAnswer, Name, NETWORK_OP, sendOne } from "./_object";
import { saRef } from "./_service-account";

type Item = { name: string };

export default operation<Item, null, ServiceAccount>({
  id: "twingate.service_account.created",
  ...NETWORK_OP,
  label: "Create a service account",
  help: "Creates a service account: a machine's identity, which reaches resources with its keys.",
  risk: "reversible",
  idempotent: false,
  input: z.object({ name: Name }),
  before: creating,
  expect: (i) => i,
  call: sendOne((c, { item }) => c.serviceAccountCreate({ name: item.name })),
  cache: cacheAnswer(serviceAccountTarget),
  inverse: {
    op: "twingate.service_account.deleted",
    label: "Delete the account",
    items: createdObject("twingate_service_account", "serviceAccountId"),
  },
  audit: {
    // Named by the name typed until Twingate gives the account its id.
    // Named by its new id once Twingate answered.
    targets: (i, _s, made) => [made ? saRef(made.id, made.name) : saRef(i.name, i.name)],
    before: () => undefined,
    after: fromAnswer((sa) => ({ name: sa.name })),
  },
  done: "Service account created",
  result: fromAnswer((sa) => ({ id: sa.id, name: sa.name })),
});
