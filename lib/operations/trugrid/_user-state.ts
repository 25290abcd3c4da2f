import { z } from "zod";
import type { AuditAction } from "../../audit/event-types";
import { type ColumnSpec, UPN_ALIASES } from "../../bulk/headers";
import { type Db, pgPoolOf } from "../../db/client";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { userChangeAfter } from "../../trugrid/item-outcome";
import { trugridUserTarget } from "../../trugrid/targets";
import { recordUserState, type StateChange, statesOf } from "../../trugrid/user-state";
import type { UndoableEvent } from "../../undo/inverse";
import type { TruGridClient } from "../../vendors/trugrid";
import type { ItemResult } from "../../vendors/trugrid/item-results";
import type { CacheContext, Done, OperationDef, Outcome, Sent } from "../operation";

// What TruGrid's per-user changes (MFA on, off and reset; RDP over UDP on
// and off) share: a user is named by UPN, TruGrid takes 100 per request and
// answers per user, and TruGrid cannot say what a user has, so "before" is
// what this console last set.

type OnOff = "on" | "off" | "unknown";
export type UserState = { mfa: OnOff; udp: OnOff };
export type UserItem = { upn: string };

export const UserItem = z.object({ upn: Upn });

export const UPN_COLUMN: ColumnSpec = {
  field: "upn",
  header: "userUpn",
  aliases: UPN_ALIASES,
  required: true,
  example: "alice.smith@northwind.example",
};

/** TruGrid's status per item is the outcome's message, verbatim. */
export const outcomes = (results: ItemResult<unknown>[]): Outcome[] =>
  results.map((r) => ({ ok: r.ok, message: r.status }));

const onOff = (v: boolean | null | undefined): OnOff => (v == null ? "unknown" : v ? "on" : "off");

/** What this console last set for each user: the audit's before, and what the undo leaves alone. */
export async function userStates(ctx: CacheContext, items: UserItem[]) {
  const states = await statesOf(
    ctx.db,
    ctx.tenantId,
    items.map((i) => i.upn),
  );
  return items.map((i) => ({ state: states[i.upn] as UserState }));
}

/**
 * A CSV row's UPN must be one of the domain's users as of the last sync;
 * the same statement reads what this console last set for it. One statement
 * on the client's node-postgres pool when there is one: a plan stretch names
 * thousands of users, and Prisma would keep that list in memory after it.
 */
export async function knownUsers(ctx: CacheContext, items: UserItem[]) {
  const norms = [...new Set(items.map((i) => normEmail(i.upn)))];
  const found = await knownUserStates(ctx.db, ctx.tenantId, norms);
  return items.map((i) => {
    const state = found.get(normEmail(i.upn));
    const unknown = `Unknown UPN: ${i.upn} is not a TruGrid user of this domain (as of the last sync).`;
    return state ? { state } : { refused: unknown };
  });
}

async function knownUserStates(db: Db, tenantId: string, norms: string[]): Promise<Map<string, UserState>> {
  const pool = pgPoolOf(db);
  if (!pool) {
    const where = { tenantId, deletedAt: null, emailNorm: { in: norms } };
    const users = await db.trugridUser.findMany({ where, select: { emailNorm: true } });
    const states = await statesOf(db, tenantId, norms);
    return new Map(users.map((u) => [u.emailNorm, states[u.emailNorm] as UserState]));
  }
  const res = await pool.query<{ n: string; mfaOn: boolean | null; udpOn: boolean | null }>(
    `SELECT n, s."mfaOn", s."udpOn"
     FROM unnest($2::text[]) AS n LEFT JOIN "TrugridUserState" s ON s."tenantId" = $1 AND s.upn = n
     WHERE EXISTS (SELECT 1 FROM "TrugridUser" u
                   WHERE u."tenantId" = $1 AND u."emailNorm" = n AND u."deletedAt" IS NULL)`,
    [tenantId, norms],
  );
  return new Map(res.rows.map((r) => [r.n, { mfa: onOff(r.mfaOn), udp: onOff(r.udpOn) }]));
}

/** The users an event's change reached, as TruGrid's per-item outcomes. */
const asItems = (done: Done<UserItem, unknown>[]) =>
  done.map((d) => ({ item: d.item.upn, status: d.outcome.message, ok: d.outcome.ok }));

/** How every surface audits a change of users: the users, what the console knew of each, TruGrid's status for each. */
export const userChangeAudit = {
  targets: (i: UserItem) => [trugridUserTarget(i.upn)],
  before: (sent: Sent<UserItem, UserState>[]) => Object.fromEntries(sent.map((s) => [s.item.upn, s.state])),
  after: (done: Done<UserItem, UserState>[]) => userChangeAfter(asItems(done)),
};

type Recorded = { before?: Record<string, Partial<UserState>> | null; after?: { succeeded?: string[] } | null };

/**
 * The users whose change an undo turns back: those it succeeded for, less
 * any the console already knew to be in the new state (the undo leaves them
 * as they were). Reads every shape a change was recorded in: the page's
 * `{ [upn]: { mfa, udp } }`, and bulk rows' `{ [upn]: { mfa } }` of before.
 */
export function flipItems(field: "mfa" | "udp", now: "on" | "off") {
  return (e: UndoableEvent): UserItem[] | null => {
    const { before, after } = e as Recorded;
    const upns = after?.succeeded?.filter((u) => before?.[u]?.[field] !== now) ?? [];
    return upns.length ? upns.map((upn) => ({ upn })) : null;
  };
}

/**
 * One of the four on/off changes: the same columns, plan, audit and cache
 * update, differing in the call, the state it sets and the undo.
 */
export function onOffChange(o: {
  id: AuditAction;
  label: string;
  help: string;
  formerBulkId: string;
  field: "mfa" | "udp";
  to: "on" | "off";
  change: StateChange;
  send: (c: TruGridClient, upns: string[]) => Promise<ItemResult<unknown>[]>;
  inverse: { op: AuditAction; label: string };
  done: string;
}): OperationDef<UserItem, UserState> {
  return {
    id: o.id,
    vendor: "trugrid",
    label: o.label,
    help: o.help,
    perm: "trugrid.user.write",
    risk: "reversible",
    idempotent: true,
    input: UserItem,
    list: { field: "upns", of: "upn", max: 500, empty: "Choose at least one user." },
    chunk: 100,
    before: userStates,
    expect: (_i, state) => ({ ...state, [o.field]: o.to }),
    call: async (ctx, chunk) =>
      outcomes(
        await o.send(
          ctx.client as TruGridClient,
          chunk.map((s) => s.item.upn),
        ),
      ),
    // The users page shows what the console last set: TruGrid cannot be asked.
    cache: (ctx, done) =>
      recordUserState(
        ctx.db,
        ctx.tenantId,
        done.map((d) => d.item.upn),
        o.change,
        ctx.actor,
      ),
    inverse: { ...o.inverse, items: flipItems(o.field, o.to) },
    audit: userChangeAudit,
    csv: { row: UserItem, columns: [UPN_COLUMN], key: (i) => normEmail(i.upn), check: knownUsers },
    formerBulkId: o.formerBulkId,
    done: o.done,
  };
}
