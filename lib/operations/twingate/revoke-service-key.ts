import { z } from "zod";
import { serviceAccountKeyTarget } from "../../sync/twingate/targets";
import type { ServiceAccountKey } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { attributesOf, type Cached, cacheAnswer, fromAnswer, Id, NETWORK_OP, sendOne } from "./_object";
import { cachedKeys, keyRef } from "./_service-account";

type Item = { keyId: string };

export default operation<Item, Cached, ServiceAccountKey>({
  id: "twingate.service_account_key.revoked",
  ...NETWORK_OP,
  label: "Revoke a service key",
  help: "Revokes a service account's key: its token stops working at once.",
  risk: "destructive",
  idempotent: true,
  input: z.object({ keyId: Id }),
  before: cachedKeys,
  expect: () => ({ status: "REVOKED" }),
  call: sendOne((c, { item }) => c.serviceAccountKeyRevoke(item.keyId)),
  cache: cacheAnswer(serviceAccountKeyTarget),
  irreversible: "Twingate has no call that makes a revoked key valid again: create a new one.",
  audit: {
    targets: (i, s) => [keyRef(i.keyId, s?.name)],
    before: ([s]) => s && { status: attributesOf(s.state).status ?? null },
    after: fromAnswer((key) => ({ status: key.status })),
  },
  done: "Service key revoked",
  result: fromAnswer((key) => ({ name: key.name, status: key.status })),
});
