import { z } from "zod";
import { twingateUserProblem, twingateUsersByEmail } from "../../bulk/operations/twingate-lookup";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { userTarget } from "../../sync/twingate/targets";
import { cacheWrite } from "../../twingate/cache";
import type { UndoableEvent } from "../../undo/inverse";
import type { TwingateClient } from "../../vendors/twingate/client";
import type { User } from "../../vendors/twingate/schemas";
import { type Checked, operation } from "../operation";
import { EMAIL_COLUMN, nameColumns } from "./_user";

type Item = { userId: string; firstName: string; lastName: string };
type State = { userId: string; email: string | null; firstName: string | null; lastName: string | null };

const Part = z.string().trim().min(1, "Enter a name.").max(100);
const NOT_CACHED = "No such Twingate user in this tenant's cache. Sync Twingate and try again.";
const same = (s: State, i: Item) => s.firstName === i.firstName && s.lastName === i.lastName;

const Row = z.object({ email: Upn, firstName: Part, lastName: Part });
type Row = z.infer<typeof Row>;

/** The user and the former names an event recorded: the undo renames them back. */
const formerNames = (e: UndoableEvent): Item[] | null => {
  const userId = (e.targets as { type: string; id: string }[] | null)?.find((t) => t.type === "twingate_user")?.id;
  const b = (e.before ?? {}) as Partial<Item>;
  if (!userId || !b.firstName || !b.lastName) return null;
  return [{ userId, firstName: b.firstName, lastName: b.lastName }];
};

export default operation<Item, State, User>({
  id: "twingate.user.renamed",
  vendor: "twingate",
  label: "Rename users",
  help:
    "Changes a user's first and last name in Twingate. A user synced from an identity provider gets the " +
    "provider's name back at its next sync. Twingate allows 20 changes a minute per tenant.",
  perm: "twingate.write",
  risk: "reversible",
  idempotent: true,
  input: z.object({ userId: z.string().trim().min(1).max(200), firstName: Part, lastName: Part }),
  chunk: 1,
  name: (i) => i.userId,
  before: async (ctx, items) => {
    const users = await ctx.db.twingateUser.findMany({
      where: { tenantId: ctx.tenantId, deletedAt: null, vendorId: { in: items.map((i) => i.userId) } },
      select: { vendorId: true, email: true, firstName: true, lastName: true },
    });
    const byId = new Map(users.map((u) => [u.vendorId, u]));
    return items.map((i) => {
      const u = byId.get(i.userId);
      if (!u) return { refused: NOT_CACHED };
      const state = { userId: u.vendorId, email: u.email, firstName: u.firstName, lastName: u.lastName };
      return { state, plan: same(state, i) ? "no_change" : "update" };
    });
  },
  expect: (i) => ({ firstName: i.firstName, lastName: i.lastName }),
  call: async (ctx, [s]) => {
    if (!s) return [];
    const { item } = s;
    const user = await (ctx.client as TwingateClient).userDetailsUpdate({
      id: item.userId,
      firstName: item.firstName,
      lastName: item.lastName,
    });
    const ok = user.firstName === item.firstName && user.lastName === item.lastName;
    const who = user.email ?? s.state.email ?? item.userId;
    const now = `${who} is ${user.firstName} ${user.lastName}`;
    return [{ ok, message: ok ? `Twingate: ${now}.` : `${now} after the change.`, answer: user }];
  },
  cache: async (ctx, done) => {
    for (const d of done) if (d.outcome.answer) await cacheWrite(ctx.db, ctx.tenantId, userTarget, d.outcome.answer);
  },
  inverse: { op: "twingate.user.renamed", label: "Rename back", items: formerNames },
  audit: {
    targets: (i, s) => [{ type: "twingate_user", id: i.userId, ...(s?.email ? { label: s.email } : {}) }],
    before: ([s]) => s && { firstName: s.state.firstName, lastName: s.state.lastName },
    after: ([d]) =>
      d && {
        firstName: d.outcome.answer?.firstName ?? d.item.firstName,
        lastName: d.outcome.answer?.lastName ?? d.item.lastName,
      },
  },
  csv: {
    row: Row,
    columns: [EMAIL_COLUMN, ...nameColumns(true)],
    key: (r: Row) => normEmail(r.email),
    check: async (ctx, rows: Row[]): Promise<Checked<State>[]> => {
      const find = await twingateUsersByEmail(
        ctx.db,
        ctx.tenantId,
        rows.map((r) => r.email),
      );
      const ids = rows.flatMap((r) => find(r.email).map((u) => u.vendorId));
      const names = new Map(
        (
          await ctx.db.twingateUser.findMany({
            where: { tenantId: ctx.tenantId, vendorId: { in: ids } },
            select: { vendorId: true, firstName: true, lastName: true },
          })
        ).map((u) => [u.vendorId, u]),
      );
      return rows.map((r) => {
        const found = find(r.email);
        const problem = twingateUserProblem(r.email, found);
        const [u] = found;
        if (problem || !u) return { refused: problem ?? "" };
        const n = names.get(u.vendorId);
        const state = {
          userId: u.vendorId,
          email: r.email,
          firstName: n?.firstName ?? null,
          lastName: n?.lastName ?? null,
        };
        return { state, plan: same(state, { userId: u.vendorId, ...r }) ? "no_change" : "update" };
      });
    },
    toItem: (r: Row, s: State) => ({ userId: s.userId, firstName: r.firstName, lastName: r.lastName }),
  },
  done: "Renamed",
  result: ([d]) => {
    const u = d?.outcome.answer;
    return u && { email: u.email, name: `${u.firstName} ${u.lastName}` };
  },
});
