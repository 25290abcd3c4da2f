import { z } from "zod";
import { serviceAccountKeyTarget } from "../../sync/twingate/targets";
import type { ServiceAccountKey } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { createdObject } from "../targets";
import { type Cached, cacheAnswer, fromAnswer, Id, NETWORK_OP, OptionalName, sendOne } from "./_object";
import { cachedAccounts, keyRef, saRef } from "./_service-account";

type Item = { serviceAccountId: string; name?: string; expirationDays: number };
/** The key and its secret token: Twingate shows the token in this answer only. */
type Answer = { key: ServiceAccountKey; token: string };

const Days = z.coerce
  .number()
  .int("Whole days.")
  .min(0, "0 (never) to 365 days.")
  .max(365, "0 (never) to 365 days.")
  .default(0);

/**
 * The token is in the answer once and never stored: only the page's result
 * holds it (the browser shows it once); the cache and the audit event are
 * written from the key alone.
 */
export default operation<Item, Cached, Answer>({
  id: "twingate.service_account_key.created",
  ...NETWORK_OP,
  label: "Create a service key",
  help: "Creates a key for a service account and shows its token once; it expires after the days given (0: never).",
  risk: "reversible",
  idempotent: false,
  input: z.object({
    serviceAccountId: Id,
    name: OptionalName,
    expirationDays: Days,
  }),
  before: cachedAccounts,
  expect: (i) => ({ name: i.name ?? null, expirationDays: i.expirationDays }),
  call: sendOne((c, { item }) =>
    c.serviceAccountKeyCreate({
      serviceAccountId: item.serviceAccountId,
      name: item.name,
      expirationTime: item.expirationDays,
    }),
  ),
  cache: cacheAnswer(serviceAccountKeyTarget, (a: Answer) => a.key),
  // Undone by revoking the key it made: its token stops working at once (Twingate deletes only a revoked key).
  inverse: {
    op: "twingate.service_account_key.revoked",
    label: "Revoke the key",
    items: createdObject("twingate_service_account_key", "keyId"),
  },
  audit: {
    targets: (i, s, made) => [
      saRef(i.serviceAccountId, s?.name),
      ...(made ? [keyRef(made.key.id, made.key.name)] : []),
    ],
    before: () => undefined,
    after: fromAnswer(({ key }) => ({ name: key.name, status: key.status, expiresAt: key.expiresAt })),
  },
  done: "Service key created",
  result: fromAnswer(({ key, token }) => ({ id: key.id, name: key.name, expiresAt: key.expiresAt, token })),
});
