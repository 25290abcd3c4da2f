import { z } from "zod";
import { BULK_ACTIONS } from "../../jumpcloud/bulk-kinds";
import { readUserUpdates, UPDATE_FIELDS, type UpdateField } from "../../jumpcloud/bulk-user-updates";
import { userTarget } from "../../jumpcloud/targets";
import { normEmail } from "../../sync/target";
import type { UndoableEvent } from "../../undo/inverse";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import { type CacheContext, operation } from "../operation";
import { MAX, notUsers, oneJob } from "./_bulk-job";
import { JcId } from "./_user";
import { changesOf } from "./update-user";

type Values = Partial<Record<UpdateField, string>>;

/** From the bulk page: pasted CSV (bulk-user-updates.ts). */
const Pasted = z
  .string()
  .max(200_000)
  .transform((text, ctx) => {
    const { updates, problems } = readUserUpdates(text);
    for (const message of problems) ctx.addIssue({ code: "custom", message });
    if (updates.length === 0 && problems.length === 0) ctx.addIssue({ code: "custom", message: "No users to update." });
    if (updates.length > MAX) ctx.addIssue({ code: "custom", message: `At most ${MAX} users in one job.` });
    return updates;
  });
/** From an undo: each user by id with the exact values to set back (an empty one included). */
const Field = z.string().max(200);
const ById = z.object({ userId: JcId, ...Object.fromEntries(UPDATE_FIELDS.map((f) => [f, Field.optional()])) });

type Item = { updates?: { email: string; set: Values }[]; users?: ({ userId: string } & Values)[] };
/** Each user the job changes: their id and name, the fields it sets and what those were at the last sync. */
type Change = { userId: string; name: string; set: Values; was: Values };
type State = { users: Change[] };

const valuesOf = (o: Record<string, unknown>): Values =>
  Object.fromEntries(UPDATE_FIELDS.flatMap((f) => (typeof o[f] === "string" ? [[f, o[f] as string]] : [])));

/** The job's users from the cache; an email or id it does not know refuses the whole job, as JumpCloud's would. */
async function changes(ctx: CacheContext, item: Item) {
  const asked = [
    ...(item.updates ?? []).map((u) => ({ email: u.email, userId: undefined, set: u.set })),
    ...(item.users ?? []).map((u) => ({ email: undefined, userId: u.userId, set: valuesOf(u) })),
  ];
  const cached = await ctx.db.jumpcloudUser.findMany({
    where: {
      tenantId: ctx.tenantId,
      deletedAt: null,
      OR: [
        { emailNorm: { in: asked.flatMap((a) => (a.email ? [normEmail(a.email)] : [])) } },
        { vendorId: { in: asked.flatMap((a) => (a.userId ? [a.userId] : [])) } },
      ],
    },
    select: { vendorId: true, email: true, emailNorm: true, username: true, raw: true },
  });
  const unknown: string[] = [];
  const users: Change[] = [];
  for (const a of asked) {
    const found = cached.filter((u) => (a.email ? u.emailNorm === normEmail(a.email) : u.vendorId === a.userId));
    const [u] = found;
    if (!u || found.length > 1) {
      unknown.push(a.email ?? a.userId ?? "?");
      continue;
    }
    // What the user page's edit would change; an undo's values are sent as they are, all of them (the job it undoes
    // may not have reached the cache yet).
    const raw = (u.raw ?? {}) as Record<string, unknown>;
    const was = a.userId
      ? Object.fromEntries(Object.keys(a.set).map((f) => [f, String(raw[f] ?? "")]))
      : (changesOf(u, a.set).was as Values);
    const fields = Object.keys(was) as UpdateField[];
    if (fields.length === 0) continue;
    const set = Object.fromEntries(fields.map((f) => [f, a.set[f]]));
    users.push({ userId: u.vendorId, name: u.email || u.username, set, was });
  }
  return { users, unknown };
}

/** The event's users with the values it recorded before: the undo sets them back through a second job. */
const setBack = (e: UndoableEvent) => {
  const users = (e.before as { users?: { id?: unknown; was?: unknown }[] } | null)?.users ?? [];
  const items = users.flatMap((u) =>
    typeof u.id === "string" && u.was && typeof u.was === "object"
      ? [{ userId: u.id, ...valuesOf(u.was as Record<string, unknown>) }]
      : [],
  );
  return items.length ? [{ users: items }] : null;
};

const started = (done: { state: State; outcome: { ok: boolean; answer?: string } }[]) => {
  const d = done.find((x) => x.outcome.ok);
  return d && { jobId: d.outcome.answer ?? "", count: d.state.users.length };
};

/**
 * Changes users' names, department or job title through JumpCloud's own bulk job (v2 PATCH /bulk/users): the one
 * JumpCloud's PowerShell users know from Update-JCUsersFromCSV. Only what differs from the last sync is sent; the
 * event keeps each user's former values, and the undo is a second job that sets them back.
 */
export default operation<Item, State, string>({
  ...oneJob,
  id: BULK_ACTIONS.update,
  label: "Update users (JumpCloud bulk job)",
  help: "One JumpCloud bulk job sets each user's names, department or job title as given; empty cells are left.",
  risk: "reversible",
  // A second job sets the same values: nothing changes twice.
  idempotent: true,
  input: z
    .object({ updates: Pasted.optional(), users: z.array(ById).max(MAX).optional() })
    .refine((i) => i.updates !== undefined || i.users !== undefined, "Paste the users to update."),
  before: async (ctx, items) =>
    Promise.all(
      items.map(async (i) => {
        const { users, unknown } = await changes(ctx, i);
        if (unknown.length) return { refused: notUsers(unknown) };
        if (users.length === 0) return { refused: "Nothing to change: every user already has these values." };
        return { state: { users } };
      }),
    ),
  expect: (_i, s) => ({ kind: "update", count: s.users.length }),
  call: async (ctx, [s]) => {
    if (!s) return [];
    const jobId = await (ctx.client as JumpCloudClient).bulkUpdateUsers(
      s.state.users.map((u) => ({ id: u.userId, ...u.set })),
    );
    return [{ ok: true, message: `JumpCloud started job ${jobId}.`, answer: jobId }];
  },
  inverse: { op: BULK_ACTIONS.update, label: "Set the former values back", items: setBack },
  audit: {
    targets: (_i, s) => (s?.users ?? []).slice(0, 100).map((u) => userTarget(u.userId, u.name)),
    before: ([s]) => s && { users: s.state.users.map((u) => ({ id: u.userId, email: u.name, was: u.was })) },
    after: (done) => {
      const s = started(done);
      return s && { kind: "update", ...s, users: done[0]?.state.users.map((u) => ({ id: u.userId, set: u.set })) };
    },
  },
  done: "Job started",
  result: started,
});
