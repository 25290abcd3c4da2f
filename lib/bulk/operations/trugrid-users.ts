import { z } from "zod";
import { normEmail } from "../../sync/target";
import { clientsFor } from "../../vendors/clients";
import type { ItemResult } from "../../vendors/trugrid/item-results";
import { pgPoolOf, type Db } from "../../db/client";
import { Upn } from "../../people/upn";
import { statusesOf, userChangeAfter } from "../../trugrid/item-outcome";
import { trugridUserTarget } from "../../trugrid/targets";
import { recordUserState, statesOf, type StateChange } from "../../trugrid/user-state";
import { UPN_ALIASES, type ColumnSpec } from "../headers";
import { defineOperation, type PlannedRow } from "../operation";

const UPN_COLUMN: ColumnSpec = { field: "upn", header: "userUpn", aliases: UPN_ALIASES, required: true, example: "alice.smith@northwind.example" };
const UpnRow = z.object({ upn: Upn });
type UpnRow = z.infer<typeof UpnRow>;

/** A row as the users page's actions audit a user: the target, and TruGrid's status for them as an item of the call. */
const userTarget = (r: UpnRow) => trugridUserTarget(r.upn);
const asItem = (r: UpnRow, o: { status: string; message: string }) => ({ item: r.upn, status: o.message, ok: o.status === "succeeded" });

/** TruGrid answers per item: its status string is the row's message. */
const outcomes = (results: ItemResult<unknown>[]) => results.map((r) => ({ ok: r.ok, message: r.status }));

type Known = { known: boolean; mfa: "on" | "off" | "unknown"; udp: "on" | "off" | "unknown" };
const onOff = (v: boolean | null | undefined) => (v == null ? "unknown" : v ? "on" : "off");

/**
 * For each UPN: is it a user of the domain as of the last sync, and what
 * this console last set for it (statesOf). One statement on the client's
 * node-postgres pool when there is one: a plan stretch names thousands of
 * users, and Prisma would keep that list in memory after the query.
 */
async function knownUsers(db: Db, tenantId: string, upns: string[]): Promise<Map<string, Known>> {
  const norms = [...new Set(upns.map(normEmail))];
  const pool = pgPoolOf(db);
  if (!pool) {
    const known = new Set((await db.trugridUser.findMany({ where: { tenantId, deletedAt: null, emailNorm: { in: norms } }, select: { emailNorm: true } })).map((u) => u.emailNorm));
    const states = await statesOf(db, tenantId, norms);
    return new Map(norms.map((n) => [n, { known: known.has(n), mfa: states[n].mfa as Known["mfa"], udp: states[n].udp as Known["udp"] }]));
  }
  const res = await pool.query<{ n: string; known: boolean; mfaOn: boolean | null; udpOn: boolean | null }>(`
    SELECT n, EXISTS (SELECT 1 FROM "TrugridUser" u WHERE u."tenantId" = $1 AND u."emailNorm" = n AND u."deletedAt" IS NULL) AS known, s."mfaOn", s."udpOn"
    FROM unnest($2::text[]) AS n LEFT JOIN "TrugridUserState" s ON s."tenantId" = $1 AND s.upn = n`, [tenantId, norms]);
  return new Map(res.rows.map((r) => [r.n, { known: r.known, mfa: onOff(r.mfaOn), udp: onOff(r.udpOn) }]));
}

/**
 * A UPN must be one of the domain's users as of the last sync (TruGrid lists
 * them through getUserLogonIp); TruGrid does not report MFA or UDP state, so
 * the plan cannot say "no change" and says "unknown" for before.
 */
async function planForKnownUsers(db: Db, tenantId: string, rows: UpnRow[], after: Record<string, unknown>): Promise<PlannedRow[]> {
  const users = await knownUsers(db, tenantId, rows.map((r) => r.upn));
  // "Before" is what this console last set ("unknown" if nothing): TruGrid itself does not report it, so a row is never skipped as unchanged.
  return rows.map((r) => {
    const u = users.get(normEmail(r.upn));
    return u?.known
      ? { plan: "update", before: Object.fromEntries(Object.keys(after).map((k) => [k, u[k as "mfa" | "udp"]])), after }
      : { plan: "error", error: `Unknown UPN: ${r.upn} is not a TruGrid user of this domain (as of the last sync).` };
  });
}

/** `verb`: the users page's action name for the same change (mfa-actions.ts, udp-actions.ts), so its undo reverses a row. */
const userOperation = (o: {
  id: string; label: string; description: string; verb: string; after: Record<string, unknown>; change: StateChange;
  send: (c: ReturnType<typeof clientsFor.trugrid>, upns: string[]) => Promise<ItemResult<unknown>[]>;
}) =>
  defineOperation<UpnRow>({
    id: o.id, vendor: "trugrid", label: o.label, description: o.description, destructive: false, repeatable: true,
    columns: [UPN_COLUMN], row: UpnRow, key: (r) => normEmail(r.upn), chunkSize: 100,
    plan: (db, tenantId, rows) => planForKnownUsers(db, tenantId, rows, o.after),
    apply: async (ctx, rows) => outcomes(await o.send(clientsFor.trugrid(ctx.connection), rows.map((r) => r.upn))),
    // The users page shows what the console last set, as it does for single changes.
    afterSuccess: (db, tenantId, rows, actor) => recordUserState(db, tenantId, rows.map((r) => r.upn), o.change, actor),
    audit: {
      action: o.verb, target: userTarget,
      // As the users page records it ({ [upn]: state } → { statuses, succeeded }), so Undo works on a bulk row too.
      values: (r, p, out) => ({ before: { [r.upn]: p.before }, after: userChangeAfter([asItem(r, out)]) }),
    },
  });

export const trugridMfaOn = userOperation({
  id: "trugrid.mfa_on", label: "TruGrid: turn MFA on", description: "Turns on MFA for each UPN.", verb: "trugrid.mfa.turned_on",
  after: { mfa: "on" }, change: { mfaOn: true }, send: (c, upns) => c.turnOnMfa(upns),
});

export const trugridMfaOff = userOperation({
  id: "trugrid.mfa_off", label: "TruGrid: turn MFA off", description: "Turns off MFA for each UPN. TruGrid refuses it for users with its Admin role; that row then fails with TruGrid's reason.",
  verb: "trugrid.mfa.turned_off", after: { mfa: "off" }, change: { mfaOn: false }, send: (c, upns) => c.turnOffMfa(upns),
});

export const trugridUdpOn = userOperation({
  id: "trugrid.udp_on", label: "TruGrid: RDP over UDP on", description: "Turns on RDP over UDP for each UPN.", verb: "trugrid.udp.enabled",
  after: { udp: "on" }, change: { udpOn: true }, send: (c, upns) => c.enableUdp(upns),
});

export const trugridUdpOff = userOperation({
  id: "trugrid.udp_off", label: "TruGrid: RDP over UDP off", description: "Turns off RDP over UDP for each UPN.", verb: "trugrid.udp.disabled",
  after: { udp: "off" }, change: { udpOn: false }, send: (c, upns) => c.disableUdp(upns),
});

const ResetRow = UpnRow.extend({
  resetPhone: z.enum(["true", "false", "yes", "no", "1", "0"], "resetPhone must be true or false").optional().transform((v) => v === "true" || v === "yes" || v === "1"),
});
type ResetRow = z.infer<typeof ResetRow>;

/** Resets are not repeatable: a row in doubt after a crash ends "unknown" (TruGrid cannot be asked), never resent. */
export const trugridMfaReset = defineOperation<ResetRow>({
  id: "trugrid.mfa_reset", vendor: "trugrid", label: "TruGrid: reset MFA",
  description: "Resets MFA for each UPN, optionally with the registered phone (resetPhone = true). Fails per user whose MFA is not set up or is off.",
  destructive: true, repeatable: false,
  columns: [UPN_COLUMN, { field: "resetPhone", header: "resetPhone", aliases: ["phone", "reset phone"], required: false, example: "false", hint: "true also clears the registered phone" }],
  row: ResetRow, key: (r) => normEmail(r.upn), chunkSize: 100,
  plan: async (db, tenantId, rows) => (await planForKnownUsers(db, tenantId, rows, {})).map((p, i) => p.plan === "error" ? p : { ...p, before: null, after: { mfa: "reset", phone: rows[i].resetPhone ? "reset" : "kept" } }),
  apply: async (ctx, rows) => {
    const c = clientsFor.trugrid(ctx.connection);
    // The vendor takes resetPhone per request: send the two kinds apart, answer in input order.
    const out = new Array<{ ok: boolean; message: string }>(rows.length);
    for (const phone of [true, false]) {
      const idx = rows.map((r, i) => (r.resetPhone === phone ? i : -1)).filter((i) => i >= 0);
      if (!idx.length) continue;
      const res = await c.resetMfa(idx.map((i) => rows[i].upn), { resetPhone: phone });
      res.forEach((r, k) => { out[idx[k]] = { ok: r.ok, message: r.status }; });
    }
    return out;
  },
  afterSuccess: (db, tenantId, rows, actor) => recordUserState(db, tenantId, rows.map((r) => r.upn), { mfaReset: true }, actor),
  audit: {
    action: "trugrid.mfa.reset", target: userTarget,
    // As the users page records a reset ({ resetPhone } → { resetPhone, statuses }).
    values: (r, _p, out) => ({ before: { resetPhone: r.resetPhone }, after: { resetPhone: r.resetPhone, statuses: statusesOf([asItem(r, out)]) } }),
    irreversible: "The user enrols again at their next sign-in; TruGrid has no call that gives an enrolment back.",
  },
});
