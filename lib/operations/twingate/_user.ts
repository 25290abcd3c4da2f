import { z } from "zod";
import type { AuditAction } from "../../audit/event-types";
import type { Permission } from "../../auth/permissions";
import { type ColumnSpec, UPN_ALIASES } from "../../bulk/headers";
import { twingateUserProblem, twingateUsersByEmail } from "../../bulk/operations/twingate-lookup";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { userTarget } from "../../sync/twingate/targets";
import { cacheWrite } from "../../twingate/cache";
import type { UndoableEvent } from "../../undo/inverse";
import type { TwingateClient } from "../../vendors/twingate/client";
import type { User } from "../../vendors/twingate/schemas";
import type { Before, CacheContext, Checked, OperationDef } from "../operation";

// What Twingate's per-user changes on the users page (state, role) share: a
// user named by Twingate's id, or on a sheet by email; one write per user
// (Twingate allows 20 a minute per API token); the user as Twingate answered
// written to the cache as the sync writes it; an audit of the one field
// before and after; and the same change back to the field's former value
// as its undo.

type Field = "state" | "role";
export type UserItem<F extends Field> = { userId: string } & Record<F, string>;
/** What the cache knows of a user: the id and email (a bulk row's plan keeps them) and the field's value. */
export type UserState = { userId: string; email?: string; state?: string; role?: string | null };

const UserId = z.string().trim().min(1).max(200);
const NOT_CACHED = "No such Twingate user in this tenant's cache. Sync Twingate and try again.";

async function cachedUsers(ctx: CacheContext, ids: string[]): Promise<Map<string, UserState>> {
  const users = await ctx.db.twingateUser.findMany({
    where: { tenantId: ctx.tenantId, deletedAt: null, vendorId: { in: [...new Set(ids)] } },
    select: { vendorId: true, email: true, state: true, role: true },
  });
  return new Map(users.map((u) => [u.vendorId, { userId: u.vendorId, email: u.email, state: u.state, role: u.role }]));
}

export const EMAIL_COLUMN: ColumnSpec = {
  field: "email",
  header: "email",
  aliases: UPN_ALIASES,
  required: true,
  example: "alice.smith@northwind.example",
};

/** A sheet's first and last name columns (required to rename, optional to add). */
export const nameColumns = (required: boolean): ColumnSpec[] => [
  {
    field: "firstName",
    header: "firstName",
    aliases: ["first name", "givenname", "given name"],
    required,
    example: "Alice",
  },
  {
    field: "lastName",
    header: "lastName",
    aliases: ["last name", "surname", "sn", "family name"],
    required,
    example: "Smith",
  },
];

/** The user a sheet's email names, as of the last sync: one user, else why the row cannot be planned. */
async function usersByEmail(ctx: CacheContext, emails: string[]): Promise<Checked<UserState>[]> {
  const find = await twingateUsersByEmail(ctx.db, ctx.tenantId, emails);
  return emails.map((email) => {
    const found = find(email);
    const problem = twingateUserProblem(email, found);
    const [u] = found;
    if (problem || !u) return { refused: problem ?? "" };
    return { state: { userId: u.vendorId, email, state: u.state, role: u.role } };
  });
}

/**
 * One per-user change of a field: the same item, cache read, audit, cache
 * write and undo, differing in the field, its values, the call and who may.
 */
export function userChange<F extends Field>(o: {
  id: AuditAction;
  label: string;
  help: string;
  perm: Permission;
  field: F;
  value: z.ZodType<string>;
  /** A sheet's spelling of a value ("disabled", "DevOps"), made the item's. */
  cell: z.ZodType<string>;
  column: Omit<ColumnSpec, "field" | "required">;
  send: (c: TwingateClient, item: UserItem<F>) => Promise<User>;
  inverse: { label: string; restorable: (value: string) => boolean };
  formerBulkId: string;
}): OperationDef<UserItem<F>, UserState, User> {
  const f = o.field;
  const Row = z.object({ email: Upn, [f]: o.cell });
  type Row = { email: string } & Record<F, string>;
  const planOf = (s: UserState, i: UserItem<F>) => (s[f] === i[f] ? "no_change" : "update");
  /** The user and former value an event's change reached: the twingate_user target's id, the field of its before. */
  const restore = (e: UndoableEvent): UserItem<F>[] | null => {
    const targets = e.targets as { type: string; id: string }[] | null;
    const userId = targets?.find((t) => t.type === "twingate_user")?.id;
    const value = (e.before as Record<string, unknown> | null)?.[f];
    if (!userId || typeof value !== "string" || !o.inverse.restorable(value)) return null;
    return [{ userId, [f]: value } as UserItem<F>];
  };
  return {
    id: o.id,
    vendor: "twingate",
    label: o.label,
    help: `${o.help} Twingate allows 20 changes a minute per tenant.`,
    perm: o.perm,
    risk: "reversible",
    idempotent: true,
    input: z.object({ userId: UserId, [f]: o.value }),
    chunk: 1,
    name: (i) => i.userId,
    before: async (ctx, items): Promise<Before<UserState, UserItem<F>>[]> => {
      const known = await cachedUsers(
        ctx,
        items.map((i) => i.userId),
      );
      return items.map((i) => {
        const state = known.get(i.userId);
        return state ? { state, plan: planOf(state, i) } : { refused: NOT_CACHED };
      });
    },
    expect: (i, state) => ({ ...state, [f]: i[f] }),
    call: async (ctx, [sent]) => {
      if (!sent) return [];
      const user = await o.send(ctx.client as TwingateClient, sent.item);
      // A success only when Twingate's answer shows the value sent (what bulk rows always checked).
      const value: string = user[f];
      const ok = value === sent.item[f];
      const now = `${user.email ?? sent.state.email ?? sent.item.userId} is ${value}`;
      return [{ ok, message: ok ? `Twingate: ${now}.` : `${now} after the change.`, answer: user }];
    },
    // The user as Twingate answered, written as the sync writes it: the page shows it now and the sync sees no drift.
    cache: async (ctx, done) => {
      for (const d of done) if (d.outcome.answer) await cacheWrite(ctx.db, ctx.tenantId, userTarget, d.outcome.answer);
    },
    inverse: { op: o.id, label: o.inverse.label, items: restore },
    audit: {
      // Named by Twingate's id (the undo reads it), labelled with the email the cache knows.
      targets: (i, s) => [{ type: "twingate_user", id: i.userId, ...(s?.email ? { label: s.email } : {}) }],
      before: ([s]) => s && { [f]: s.state[f] },
      // What Twingate answered; a bulk row, whose answer the audit does not see, records the value it sent.
      after: ([d]) => d && { [f]: d.outcome.answer ? d.outcome.answer[f] : d.item[f] },
    },
    csv: {
      row: Row,
      columns: [EMAIL_COLUMN, { ...o.column, field: f, required: true }],
      key: (r: Row) => normEmail(r.email),
      check: async (ctx, rows: Row[]) =>
        (
          await usersByEmail(
            ctx,
            rows.map((r) => r.email),
          )
        ).map((c, i) => {
          const row = rows[i];
          if (!c.state || !row) return c;
          return { state: c.state, plan: planOf(c.state, { userId: c.state.userId, [f]: row[f] } as UserItem<F>) };
        }),
      toItem: (r: Row, s: UserState) => ({ userId: s.userId, [f]: r[f] }) as UserItem<F>,
    },
    formerBulkId: o.formerBulkId,
    done: o.label,
    result: ([d]) => {
      const user = d?.outcome.answer;
      return user && { email: user.email, [f]: user[f] };
    },
  };
}
