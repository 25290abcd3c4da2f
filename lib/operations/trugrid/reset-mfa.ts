import { z } from "zod";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { statusesOf } from "../../trugrid/item-outcome";
import { trugridUserTarget } from "../../trugrid/targets";
import { recordUserState } from "../../trugrid/user-state";
import type { TruGridClient } from "../../vendors/trugrid";
import { type Outcome, operation, type Sent } from "../operation";
import { knownUsers, outcomes, UPN_COLUMN } from "./_user-state";

type ResetItem = { upn: string; resetPhone: boolean };

const ResetItem = z.object({ upn: Upn, resetPhone: z.boolean() });

const YES = ["true", "yes", "1"];
/** A sheet says true/false, yes/no or 1/0; an empty cell keeps the phone. */
const ResetRow = z.object({
  upn: Upn,
  resetPhone: z
    .enum([...YES, "false", "no", "0"], "resetPhone must be true or false")
    .optional()
    .transform((v) => YES.includes(String(v))),
});

/**
 * TruGrid takes resetPhone per request: a chunk that mixes both is sent as
 * two requests, and the answers are put back in the chunk's order.
 */
async function sendResets(c: TruGridClient, chunk: Sent<ResetItem, unknown>[]): Promise<Outcome[]> {
  const out: Outcome[] = new Array(chunk.length);
  for (const phone of [true, false]) {
    const idx = chunk.flatMap((s, i) => (s.item.resetPhone === phone ? [i] : []));
    if (!idx.length) continue;
    const answers = outcomes(
      await c.resetMfa(
        idx.map((i) => chunk[i]?.item.upn ?? ""),
        { resetPhone: phone },
      ),
    );
    answers.forEach((a, k) => {
      out[idx[k] ?? 0] = a;
    });
  }
  return out;
}

/** Not reversible: the user enrols again at next sign-in (and enters a phone again when resetPhone). */
export default operation<ResetItem, null>({
  id: "trugrid.mfa.reset",
  vendor: "trugrid",
  label: "Reset MFA",
  help:
    "Resets MFA for each user, optionally with the registered phone (resetPhone = true). " +
    "Fails per user whose MFA is not set up or is off.",
  perm: "trugrid.user.write",
  risk: "irreversible",
  // Not repeatable: a row in doubt after a crash ends "unknown" (TruGrid cannot be asked), never resent.
  idempotent: false,
  input: ResetItem,
  list: { field: "upns", of: "upn", common: ["resetPhone"], max: 500, empty: "Choose at least one user." },
  chunk: 100,
  before: async (_ctx, items) => items.map(() => ({ state: null })),
  expect: (i) => ({ mfa: "reset", phone: i.resetPhone ? "reset" : "kept" }),
  call: (ctx, chunk) => sendResets(ctx.client as TruGridClient, chunk),
  cache: (ctx, done) =>
    recordUserState(
      ctx.db,
      ctx.tenantId,
      done.map((d) => d.item.upn),
      { mfaReset: true },
      ctx.actor,
    ),
  irreversible: "The user enrols again at their next sign-in; TruGrid has no call that gives an enrolment back.",
  audit: {
    targets: (i) => [trugridUserTarget(i.upn)],
    before: (sent) => ({ resetPhone: sent[0]?.item.resetPhone ?? false }),
    after: (done) => ({
      resetPhone: done[0]?.item.resetPhone ?? false,
      statuses: statusesOf(done.map((d) => ({ item: d.item.upn, status: d.outcome.message, ok: d.outcome.ok }))),
    }),
  },
  csv: {
    row: ResetRow,
    columns: [
      UPN_COLUMN,
      {
        field: "resetPhone",
        header: "resetPhone",
        aliases: ["phone", "reset phone"],
        required: false,
        example: "false",
        hint: "true also clears the registered phone",
      },
    ],
    key: (i) => normEmail(i.upn),
    // A known user only; TruGrid cannot say what a user's enrolment is, so there is nothing to show as before.
    check: async (ctx, items) =>
      (await knownUsers(ctx, items)).map((k) => (k.refused === undefined ? { state: null } : k)),
  },
  formerBulkId: "trugrid.mfa_reset",
  done: (items) => (items[0]?.resetPhone ? "MFA and phone reset" : "MFA reset"),
});
