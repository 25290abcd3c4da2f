import { z } from "zod";
import type { AuditTarget } from "../../audit/event";
import type { AuditAction } from "../../audit/event-types";
import { absentIfBlank } from "../../bulk/cells";
import { userProblem, usersByEmail } from "../../bulk/operations/jumpcloud-lookup";
import { associationEdge, cacheEdge, cacheEdgeDeleted } from "../../jumpcloud/cache";
import { labelOf } from "../../jumpcloud/targets";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import type { UndoableEvent } from "../../undo/inverse";
import { VendorError } from "../../vendors/core/vendor-error";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import { allPages } from "../../vendors/jumpcloud/paging";
import type { CacheContext, Checked, OperationDef } from "../operation";
import { linkPlans, sendLink } from "./_link";
import { systemName, systemsNamed } from "./_system-names";
import { EMAIL_COLUMN, JcId } from "./_user";

// What binding and unbinding share: a binding between the people side (a
// user or a user group) and the device side (a system or a system group),
// posted from the people side, which is also where the sync reads it, so the
// cache row is the same. A sheet binds a user (by email) or a user group (by
// name) to a system, by the system's hostname, display name or id. JumpCloud refuses a second add
// (409) and a remove of what is not bound (404): not idempotent, and an item
// left in doubt is checked against the people side's associations.

const FromType = z.enum(["user", "user_group"]);
const ToType = z.enum(["system", "system_group"]);
export type PairItem = {
  fromType: "user" | "user_group";
  fromId: string;
  toType: "system" | "system_group";
  toId: string;
};
export const PairItem = z.object({ fromType: FromType, fromId: JcId, toType: ToType, toId: JcId });

/** The names the cache gives both sides, and whether the cache holds the binding. */
export type PairState = { fromName: string | null; toName: string | null; associated: boolean };

const pair = (i: PairItem): PairItem => ({ fromType: i.fromType, fromId: i.fromId, toType: i.toType, toId: i.toId });
const edgeEnd = (type: string, id: string) => `${type}:${id}`;
const nodeTarget = (type: string, id: string, label: string | null | undefined): AuditTarget => ({
  type: `jumpcloud_${type}`,
  id,
  ...(label ? { label } : {}),
});

async function cachedPairs(ctx: CacheContext, items: PairItem[]) {
  return Promise.all(
    items.map(async (i) => {
      const [fromName, toName, edges] = await Promise.all([
        labelOf(ctx.db, ctx.tenantId, i.fromType, i.fromId),
        labelOf(ctx.db, ctx.tenantId, i.toType, i.toId),
        ctx.db.vendorEdge.count({
          where: {
            tenantId: ctx.tenantId,
            vendor: "jumpcloud",
            kind: "association",
            vendorId: `${edgeEnd(i.fromType, i.fromId)}|${edgeEnd(i.toType, i.toId)}`,
            deletedAt: null,
          },
        }),
      ]);
      return { state: { fromName, toName, associated: edges > 0 } };
    }),
  );
}

/**
 * A sheet's row: a user by email, or a user group by name, and a system by hostname, display name or JumpCloud id
 * (case-insensitive). A runbook's row also names the system by its id (`systemId`, no column offers it) beside the
 * name it shows.
 */
const Row = z
  .object({
    email: z.preprocess(absentIfBlank, Upn.optional()),
    group: z.preprocess(absentIfBlank, z.string().trim().max(200).optional()),
    system: z.string().trim().min(1, "system is empty").max(255),
    systemId: JcId.optional(),
  })
  .refine((r) => Boolean(r.email) !== Boolean(r.group), "Give an email (a user) or a user group, one of the two.");
type Row = z.infer<typeof Row>;
/** A row's people side as a duplicate check compares it. */
const peopleSide = (r: Row) => (r.email ? normEmail(r.email) : `group:${(r.group ?? "").toLowerCase()}`);
type RowState = PairState & PairItem;

/**
 * Users by email and systems by name or id from the cache, and whether each
 * user is bound to the system directly now. A name two systems share is
 * refused: the row must say which one (its id).
 */
async function knownRows(ctx: CacheContext, rows: Row[]): Promise<({ state: RowState } | { refused: string })[]> {
  const { db, tenantId } = ctx;
  const find = await usersByEmail(
    db,
    tenantId,
    rows.flatMap((r) => (r.email ? [r.email] : [])),
  );
  const groupNames = [...new Set(rows.flatMap((r) => (r.group ? [r.group] : [])))];
  const groups = groupNames.length
    ? await db.vendorObject.findMany({
        where: {
          tenantId,
          vendor: "jumpcloud",
          kind: "user_group",
          deletedAt: null,
          name: { in: groupNames, mode: "insensitive" },
        },
        select: { vendorId: true, name: true },
      })
    : [];
  /** The people side a row names: one cached user, or one user group, or why not. */
  const fromOf = (
    r: Row,
  ): { fromType: "user" | "user_group"; fromId: string; fromName: string } | { refused: string } => {
    if (r.email) {
      const users = find(r.email);
      const problem = userProblem(r.email, users);
      const [u] = users;
      return problem || !u
        ? { refused: problem ?? "Not known." }
        : { fromType: "user", fromId: u.vendorId, fromName: u.email || u.username };
    }
    const named = groups.filter((g) => g.name?.toLowerCase() === r.group?.toLowerCase());
    const [g] = named;
    if (!g)
      return {
        refused: `Unknown group: ${r.group} is not a JumpCloud user group of this tenant (as of the last sync).`,
      };
    if (named.length > 1)
      return {
        refused: `Ambiguous group: ${named.length} JumpCloud user groups are named ${r.group}; rename one first.`,
      };
    return { fromType: "user_group", fromId: g.vendorId, fromName: g.name ?? g.vendorId };
  };
  const froms = rows.map(fromOf);
  const { systems, find: findSystem } = await systemsNamed(
    ctx,
    rows.map((r) => r.systemId ?? r.system),
  );
  const edges = await db.vendorEdge.findMany({
    where: {
      tenantId,
      vendor: "jumpcloud",
      kind: "association",
      deletedAt: null,
      fromId: { in: froms.flatMap((f) => ("refused" in f ? [] : [edgeEnd(f.fromType, f.fromId)])) },
      toId: { in: systems.map((s) => edgeEnd("system", s.vendorId)) },
    },
    select: { fromId: true, toId: true },
  });
  const bound = new Set(edges.map((e) => `${e.fromId}|${e.toId}`));
  return rows.map((r, i) => {
    const from = froms[i];
    if (!from || "refused" in from) return from ?? { refused: "Not known." };
    const s = findSystem(r.systemId ?? r.system, r.system);
    if ("refused" in s) return s;
    const { fromName, ...side } = from;
    const item = { ...side, toType: "system", toId: s.vendorId } as const;
    const associated = bound.has(`${edgeEnd(from.fromType, from.fromId)}|${edgeEnd("system", s.vendorId)}`);
    return { state: { ...item, fromName, toName: systemName(s), associated } };
  });
}

/** A removal JumpCloud answered 404: the binding was already gone, and an undo must not bind it again. */
type Gone = { wasBound: false };
const wasNot = (answer: unknown) =>
  (answer as Partial<Gone> | undefined)?.wasBound === false ? { wasBound: false } : {};

/** The binding an undo changes back, from any event either change recorded (page or sheet row). */
const pairOf = (e: UndoableEvent): PairItem[] | null => {
  if ((e.after as Partial<Gone> | null)?.wasBound === false) return null;
  const item = PairItem.safeParse(e.before);
  return item.success ? [pair(item.data)] : null;
};

/** Binds (add) or unbinds a pair. */
export function associationChange(o: {
  add: boolean;
  id: AuditAction;
  label: string;
  help: string;
  formerBulkId: string;
  inverse: { op: AuditAction; label: string };
}): OperationDef<PairItem, PairState> {
  return {
    id: o.id,
    vendor: "jumpcloud",
    label: o.label,
    help: o.help,
    perm: "jumpcloud.write",
    risk: "reversible",
    idempotent: false,
    input: PairItem,
    chunk: 1,
    name: (i) => `${i.fromId} → ${i.toId}`,
    before: cachedPairs,
    expect: (i) => ({ ...pair(i), associated: o.add }),
    call: async (ctx, [s]) => {
      if (!s) return [];
      const { item, state } = s;
      const source = item.fromType === "user" ? "users" : "usergroups";
      let wasBound = true;
      // JumpCloud's words for a 409 on add. A 404 on remove: not bound (any more) is the outcome asked for.
      const failed = await sendLink(ctx, () =>
        (ctx.client as JumpCloudClient)
          .modifyAssociation(source, item.fromId, { op: o.add ? "add" : "remove", type: item.toType, id: item.toId })
          .catch((err) => {
            if (o.add || !(err instanceof VendorError) || err.status !== 404) throw err;
            wasBound = false;
          }),
      );
      if (failed) return [failed];
      if (!wasBound) {
        const what = `${state.fromName ?? item.fromId} was not bound to ${state.toName ?? item.toId} any more`;
        return [{ ok: true, message: `JumpCloud: ${what}.`, answer: { wasBound: false } }];
      }
      const what = `${state.fromName ?? item.fromId} ${o.add ? "associated with" : "removed from"}`;
      return [{ ok: true, message: `JumpCloud: ${what} ${state.toName ?? item.toId}.` }];
    },
    // The association edge as the sync writes it from the people side.
    cache: async (ctx, done) => {
      for (const { item: i, state: s } of done) {
        const from = { type: i.fromType, id: i.fromId };
        const to = { type: i.toType, id: i.toId };
        if (o.add) {
          const label = `${s?.fromName ?? i.fromId} → ${s?.toName ?? i.toId}`;
          await cacheEdge(ctx.db, ctx.tenantId, "association", associationEdge(from, to, null, label));
        } else {
          const [a, b] = [edgeEnd(i.fromType, i.fromId), edgeEnd(i.toType, i.toId)];
          await cacheEdgeDeleted(ctx.db, ctx.tenantId, "association", a, b);
        }
      }
    },
    // The people side's associations at JumpCloud say whether an unanswered change took effect.
    verify: async (ctx, { item }) => {
      const c = ctx.client as JumpCloudClient;
      const source = item.fromType === "user" ? "users" : "usergroups";
      const bound = await allPages(
        (skip, limit) => c.listAssociations(source, item.fromId, [item.toType], { skip, limit }),
        {
          concurrency: 2,
        },
      );
      return bound.some((b) => b.to.type === item.toType && b.to.id === item.toId) === o.add;
    },
    inverse: { ...o.inverse, items: pairOf },
    // As the associations page records it: both sides, the pair, and whether it was bound.
    audit: {
      targets: (i, s) => [nodeTarget(i.fromType, i.fromId, s?.fromName), nodeTarget(i.toType, i.toId, s?.toName)],
      before: (sent) => sent[0] && { ...pair(sent[0].item), associated: !o.add },
      after: (done) => done[0] && { ...pair(done[0].item), associated: o.add, ...wasNot(done[0].outcome.answer) },
    },
    csv: {
      row: Row,
      columns: [
        { ...EMAIL_COLUMN, required: false, hint: "a user; or leave empty and name a user group" },
        {
          field: "group",
          header: "group",
          aliases: ["usergroup", "user group", "groupname", "group name"],
          required: false,
          example: "",
          hint: "a user group, whose members all reach the system",
        },
        {
          field: "system",
          header: "system",
          aliases: ["hostname", "host", "displayname", "display name", "device", "computer", "systemname", "systemid"],
          required: true,
          example: "NW-LT-0042",
          hint: "hostname, display name or JumpCloud system ID",
        },
      ],
      key: (r: Row) => `${peopleSide(r)}|${(r.systemId ?? r.system).toLowerCase()}`,
      check: async (ctx, rows): Promise<Checked<PairState>[]> =>
        linkPlans(await knownRows(ctx, rows), (s) => s.associated, o.add),
      toItem: (_row, state) => pair(state as RowState),
    },
    formerBulkId: o.formerBulkId,
    done: o.add ? "Associated" : "Removed",
    // The associations page's toast names both sides.
    result: ([d]) => ({ from: d?.state.fromName ?? null, to: d?.state.toName ?? null }),
  };
}
