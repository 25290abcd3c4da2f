import { z } from "zod";
import type { AuditAction } from "../../audit/event-types";
import { absentIfBlank } from "../../bulk/cells";
import { userProblem, usersByEmail } from "../../bulk/operations/jumpcloud-lookup";
import { cacheEdge, cacheEdgeDeleted, memberEdge } from "../../jumpcloud/cache";
import { groupTarget, labelOf, systemTarget, userTarget } from "../../jumpcloud/targets";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import type { UndoableEvent } from "../../undo/inverse";
import { VendorError } from "../../vendors/core/vendor-error";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import { allPages } from "../../vendors/jumpcloud/paging";
import type { CacheContext, Checked, OperationDef } from "../operation";
import { GroupKind, KIND_LABEL } from "./_group";
import { linkPlans, sendLink } from "./_link";
import { systemsNamed } from "./_system-names";
import { EMAIL_COLUMN, JcId } from "./_user";

// What adding a member to a JumpCloud group and removing one share: a user
// in a user group or a system in a system group, named by JumpCloud's ids
// (a sheet names a user by email and a user group by name), one call each.
// JumpCloud refuses a second add (409) and a remove of a non-member (404), so
// a resend would fail a change that in fact took effect: not idempotent, and
// an item left in doubt is checked against the member's groups at JumpCloud.

export type MemberItem = { kind: "user_group" | "system_group"; groupId: string; memberId: string };
export const MemberItem = z.object({ kind: GroupKind, groupId: JcId, memberId: JcId });

/** The names the cache gives the group and the member, and whether the cache holds the membership. */
export type MemberState = { groupName: string | null; memberName: string | null; member: boolean };

const memberType = (k: MemberItem["kind"]) => (k === "user_group" ? "user" : "system");
const edgeKind = (k: MemberItem["kind"]) => (k === "user_group" ? "user_group_member" : "system_group_member");
const ids = (i: MemberItem) => ({ kind: i.kind, groupId: i.groupId, memberId: i.memberId });

async function cachedMemberships(ctx: CacheContext, items: MemberItem[]) {
  return Promise.all(
    items.map(async (i) => {
      const [groupName, memberName, edges] = await Promise.all([
        labelOf(ctx.db, ctx.tenantId, i.kind, i.groupId),
        labelOf(ctx.db, ctx.tenantId, memberType(i.kind), i.memberId),
        ctx.db.vendorEdge.count({
          where: {
            tenantId: ctx.tenantId,
            vendor: "jumpcloud",
            kind: edgeKind(i.kind),
            vendorId: `${i.groupId}|${i.memberId}`,
            deletedAt: null,
          },
        }),
      ]);
      return { state: { groupName, memberName, member: edges > 0 } };
    }),
  );
}

/**
 * A sheet's row: a user by email in a user group, or a system (hostname, display name or id) in a system group, the
 * group by name (case-insensitive), as of the last sync. A runbook's row also names the group by its id (`groupId`,
 * no column offers it), which a name shared by two groups cannot do.
 */
const Row = z
  .object({
    email: z.preprocess(absentIfBlank, Upn.optional()),
    system: z.preprocess(absentIfBlank, z.string().trim().max(255).optional()),
    group: z.string().trim().min(1, "group is empty").max(200),
    groupId: JcId.optional(),
  })
  .refine((r) => Boolean(r.email) !== Boolean(r.system), "Give an email (a user) or a system, one of the two.");
type Row = z.infer<typeof Row>;
type RowState = MemberState & MemberItem;

const memberKey = (r: Row) => (r.email ? normEmail(r.email) : `system:${(r.system ?? "").toLowerCase()}`);
const kindOf = (r: Row): MemberItem["kind"] => (r.email ? "user_group" : "system_group");

async function knownRows(ctx: CacheContext, rows: Row[]): Promise<({ state: RowState } | { refused: string })[]> {
  const emails = rows.flatMap((r) => (r.email ? [r.email] : []));
  const find = await usersByEmail(ctx.db, ctx.tenantId, emails);
  const { find: findSystem } = await systemsNamed(
    ctx,
    rows.flatMap((r) => (r.system ? [r.system] : [])),
  );
  const groups = await ctx.db.vendorObject.findMany({
    where: {
      tenantId: ctx.tenantId,
      vendor: "jumpcloud",
      kind: { in: [...new Set(rows.map(kindOf))] },
      deletedAt: null,
      OR: [
        { name: { in: [...new Set(rows.map((r) => r.group))], mode: "insensitive" } },
        { vendorId: { in: rows.flatMap((r) => (r.groupId ? [r.groupId] : [])) } },
      ],
    },
    select: { vendorId: true, name: true, kind: true },
  });
  const items = rows.map((r): { refused: string } | { item: MemberItem } => {
    const kind = kindOf(r);
    let memberId: string;
    if (r.email) {
      const found = find(r.email);
      const problem = userProblem(r.email, found);
      if (problem || !found[0]) return { refused: problem ?? "Not known." };
      memberId = found[0].vendorId;
    } else {
      const s = findSystem(r.system ?? "");
      if ("refused" in s) return s;
      memberId = s.vendorId;
    }
    const gs = groups.filter(
      (g) =>
        g.kind === kind && (r.groupId ? g.vendorId === r.groupId : g.name?.toLowerCase() === r.group.toLowerCase()),
    );
    const what = `JumpCloud ${KIND_LABEL[kind].toLowerCase()}`;
    const [g] = gs;
    if (!g) return { refused: `Unknown group: ${r.group} is not a ${what} of this tenant (as of the last sync).` };
    if (gs.length > 1)
      return { refused: `Ambiguous group: ${gs.length} ${what}s are named ${r.group}; rename one first.` };
    return { item: { kind, groupId: g.vendorId, memberId } };
  });
  const known = items.flatMap((x) => ("item" in x ? [x.item] : []));
  const states = await cachedMemberships(ctx, known);
  let next = 0;
  return items.map((x) => {
    if (!("item" in x)) return x;
    const s = states[next++]?.state ?? { groupName: null, memberName: null, member: false };
    return { state: { ...s, ...x.item } };
  });
}

/** A removal JumpCloud answered 404: the member was already gone, and an undo must not add them. */
type Gone = MemberItem & { member: false; wasMember: false };
const wasNot = (answer: unknown) =>
  (answer as Partial<Gone> | undefined)?.wasMember === false ? { wasMember: false } : {};

/** The group and the member an undo puts back, from any event either change recorded (page, sheet or runbook row). */
const memberOf = (e: UndoableEvent): MemberItem[] | null => {
  if ((e.after as Partial<Gone> | null)?.wasMember === false) return null;
  const b = (e.before ?? {}) as Record<string, unknown>;
  const kind = GroupKind.safeParse(b.kind);
  return kind.success && typeof b.groupId === "string" && typeof b.memberId === "string"
    ? [{ kind: kind.data, groupId: b.groupId, memberId: b.memberId }]
    : null;
};

/** Adds (add) or removes a member. */
export function membershipChange(o: {
  add: boolean;
  id: AuditAction;
  label: string;
  help: string;
  formerBulkId: string;
  inverse: { op: AuditAction; label: string };
}): OperationDef<MemberItem, MemberState> {
  const verb = o.add ? "add" : "remove";
  return {
    id: o.id,
    vendor: "jumpcloud",
    label: o.label,
    help: o.help,
    perm: "jumpcloud.write",
    risk: "reversible",
    idempotent: false,
    input: MemberItem,
    chunk: 1,
    name: (i) => i.memberId,
    before: cachedMemberships,
    expect: (i) => ({ ...ids(i), member: o.add }),
    call: async (ctx, [s]) => {
      if (!s) return [];
      const { item, state } = s;
      let wasMember = true;
      // JumpCloud's words for a 409 on add. A 404 on remove: not a member (any more) is the outcome asked for.
      const failed = await sendLink(ctx, () =>
        (ctx.client as JumpCloudClient)
          .modifyGroupMembers(memberType(item.kind), item.groupId, verb, item.memberId)
          .catch((err) => {
            if (o.add || !(err instanceof VendorError) || err.status !== 404) throw err;
            wasMember = false;
          }),
      );
      if (failed) return [failed];
      const member = state.memberName ?? item.memberId;
      const group = state.groupName ?? item.groupId;
      if (!wasMember) {
        const answer: Gone = { ...ids(item), member: false, wasMember: false };
        return [{ ok: true, message: `JumpCloud: ${member} was not in ${group} any more.`, answer }];
      }
      return [{ ok: true, message: `JumpCloud: ${member} ${o.add ? "added to" : "removed from"} ${group}.` }];
    },
    // The membership edge as the sync writes it (GET …/members answers {to, attributes}).
    cache: async (ctx, done) => {
      for (const { item: i, state: s } of done) {
        if (!o.add) await cacheEdgeDeleted(ctx.db, ctx.tenantId, edgeKind(i.kind), i.groupId, i.memberId);
        else {
          const label = `${s?.groupName ?? i.groupId} → ${s?.memberName ?? i.memberId}`;
          await cacheEdge(
            ctx.db,
            ctx.tenantId,
            edgeKind(i.kind),
            memberEdge(i.groupId, memberType(i.kind), i.memberId, label),
          );
        }
      }
    },
    // The member's groups at JumpCloud say whether an unanswered change took effect.
    verify: async (ctx, { item }) => {
      const c = ctx.client as JumpCloudClient;
      const groups = await allPages(
        (skip, limit) =>
          item.kind === "user_group"
            ? c.userMemberOf(item.memberId, { skip, limit })
            : c.systemMemberOf(item.memberId, { skip, limit }),
        { concurrency: 2 },
      );
      return groups.some((g) => g.type === item.kind && g.id === item.groupId) === o.add;
    },
    inverse: { ...o.inverse, items: memberOf },
    // As the groups page records it: the group, then the member; what an undo needs, and whether it was a member.
    audit: {
      targets: (i, s) => [
        groupTarget(i.kind, i.groupId, s?.groupName),
        i.kind === "user_group" ? userTarget(i.memberId, s?.memberName) : systemTarget(i.memberId, s?.memberName),
      ],
      before: (sent) => sent[0] && { ...ids(sent[0].item), member: !o.add },
      after: (done) => done[0] && { ...ids(done[0].item), member: o.add, ...wasNot(done[0].outcome.answer) },
    },
    csv: {
      row: Row,
      columns: [
        { ...EMAIL_COLUMN, required: false, hint: "a user, for a user group; or leave empty and give a system" },
        {
          field: "system",
          header: "system",
          aliases: ["hostname", "device", "computer", "systemid"],
          required: false,
          example: "",
          hint: "a system (hostname, display name or ID), for a system group",
        },
        {
          field: "group",
          header: "group",
          aliases: ["groupname", "group name", "usergroup", "user group", "systemgroup", "system group"],
          required: true,
          example: "Engineering",
        },
      ],
      key: (r: Row) => `${memberKey(r)}|${r.groupId ?? r.group.toLowerCase()}`,
      check: async (ctx, rows): Promise<Checked<MemberState>[]> =>
        linkPlans(await knownRows(ctx, rows), (s) => s.member, o.add),
      toItem: (_row, state) => ids(state as RowState),
    },
    formerBulkId: o.formerBulkId,
    done: o.add ? "Added" : "Removed",
    result: ([d]) => ({
      group: d?.state.groupName ?? null,
      member: d?.state.memberName ?? null,
      kindLabel: KIND_LABEL[d?.item.kind ?? "user_group"],
    }),
  };
}
