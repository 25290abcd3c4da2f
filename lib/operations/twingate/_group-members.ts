import { z } from "zod";
import { ActionError } from "../../actions/result";
import type { AuditAction } from "../../audit/event-types";
import { UPN_ALIASES } from "../../bulk/headers";
import { twingateUserProblem, twingateUsersByEmail } from "../../bulk/operations/twingate-lookup";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { groupMemberTarget, groupTarget } from "../../sync/twingate/targets";
import { cacheDelete, cacheWrite } from "../../twingate/cache";
import type { UndoableEvent } from "../../undo/inverse";
import { failureMessage } from "../../vendors/core/vendor-message";
import type { TwingateClient } from "../../vendors/twingate/client";
import type { Group } from "../../vendors/twingate/schemas";
import { cachedObjectsNamed } from "../cached-names";
import type { CacheContext, Checked, OperationDef, Outcome, Sent } from "../operation";
import { cachedGroup, GROUP_NOT_CACHED } from "./_group";

// What adding users to a Twingate group and removing them share: a user and
// a group named by Twingate's ids (a sheet names them by email and group
// name), the group's members changed in one groupUpdate per group (Twingate
// takes a list of user ids), the group and the membership edges written to
// the cache as the sync writes them, and the groups page's audit: the group
// as the target, its member count before, the user ids changed after (what
// the undo reads, from a page event and a sheet's row alike).

export type MemberItem = { groupId: string; userId: string };
/** The ids (a sheet's plan keeps them), whether the cache holds the membership, and its names for group and user. */
export type MemberState = MemberItem & {
  member: boolean;
  groupName?: string | null;
  email?: string | null;
  /** The group's member count as the cache knows it: the page's audit before. */
  members?: number;
};
/** The membership as Twingate answered: the group it returned. */
export type MemberAnswer = MemberItem & { member: boolean; group: Group };

const Id = z.string().trim().min(1).max(200);
const ids = (i: MemberItem): MemberItem => ({ groupId: i.groupId, userId: i.userId });

/** The cache's live membership edges of this tenant. */
const memberEdges = (ctx: CacheContext) =>
  ({ tenantId: ctx.tenantId, vendor: "twingate", kind: "group_member", deletedAt: null }) as const;

const edges = (ctx: CacheContext, groupIds: string[], userIds: string[]) =>
  ctx.db.vendorEdge.findMany({
    where: { ...memberEdges(ctx), fromId: { in: groupIds }, toId: { in: userIds } },
    select: { fromId: true, toId: true },
  });

/** Member counts by group (a group such as Everyone can hold the whole directory: counted, never loaded). */
async function memberCounts(ctx: CacheContext, groupIds: string[]): Promise<Map<string, number>> {
  const counts = await ctx.db.vendorEdge.groupBy({
    by: ["fromId"],
    where: { ...memberEdges(ctx), fromId: { in: groupIds } },
    _count: true,
  });
  return new Map(counts.map((c) => [c.fromId, c._count]));
}

/** A page's items: the group must be in the cache (refused in the page's words otherwise), the users need not be. */
async function cachedMembers(ctx: CacheContext, items: MemberItem[]): Promise<MemberState[]> {
  const groupIds = [...new Set(items.map((i) => i.groupId))];
  const userIds = [...new Set(items.map((i) => i.userId))];
  const names = new Map<string, string | null>();
  for (const id of groupIds) {
    const group = await cachedGroup(ctx, id);
    // The whole call is refused, once, in the page's words: its items are one group's.
    if (!group) throw new ActionError(GROUP_NOT_CACHED);
    names.set(id, group.name);
  }
  const member = new Set((await edges(ctx, groupIds, userIds)).map((e) => `${e.fromId}|${e.toId}`));
  const counts = await memberCounts(ctx, groupIds);
  const users = await ctx.db.twingateUser.findMany({
    where: { tenantId: ctx.tenantId, deletedAt: null, vendorId: { in: userIds } },
    select: { vendorId: true, email: true },
  });
  const emails = new Map(users.map((u) => [u.vendorId, u.email]));
  return items.map((i) => ({
    ...ids(i),
    member: member.has(`${i.groupId}|${i.userId}`),
    groupName: names.get(i.groupId) ?? null,
    email: emails.get(i.userId) ?? null,
    members: counts.get(i.groupId) ?? 0,
  }));
}

/**
 * A sheet's row: a user by email and a group by name (case-insensitive), as of the last sync. A runbook's row also
 * names the group by its id (`groupId`, no column offers it), which a name shared by two groups cannot do.
 */
const Row = z.object({
  email: Upn,
  group: z.string().trim().min(1, "group is empty").max(200),
  groupId: Id.optional(),
});
type Row = z.infer<typeof Row>;

async function knownRows(ctx: CacheContext, rows: Row[]): Promise<({ state: MemberState } | { refused: string })[]> {
  const findUsers = await twingateUsersByEmail(
    ctx.db,
    ctx.tenantId,
    rows.map((r) => r.email),
  );
  const groupIds = rows.flatMap((r) => (r.groupId ? [r.groupId] : []));
  // A group found both by a row's name and another row's id is one group.
  const found = [
    ...(await cachedObjectsNamed(
      ctx,
      "twingate",
      "group",
      rows.filter((r) => !r.groupId).map((r) => r.group),
    )),
    ...(groupIds.length
      ? await ctx.db.vendorObject.findMany({
          where: {
            tenantId: ctx.tenantId,
            vendor: "twingate",
            kind: "group",
            deletedAt: null,
            vendorId: { in: groupIds },
          },
          select: { vendorId: true, name: true },
        })
      : []),
  ];
  const groups = [...new Map(found.map((g) => [g.vendorId, g])).values()];
  const users = rows.flatMap((r) => findUsers(r.email));
  const cachedIds = groups.map((g) => g.vendorId);
  const member = new Set(
    (
      await edges(
        ctx,
        cachedIds,
        users.map((u) => u.vendorId),
      )
    ).map((e) => `${e.fromId}|${e.toId}`),
  );
  const counts = await memberCounts(ctx, cachedIds);
  return rows.map((r) => {
    const us = findUsers(r.email);
    const gs = r.groupId
      ? groups.filter((g) => g.vendorId === r.groupId).slice(0, 1)
      : groups.filter((g) => g.name?.toLowerCase() === r.group.toLowerCase());
    const problem = twingateUserProblem(r.email, us);
    const [u] = us;
    const [g] = gs;
    if (problem || !u) return { refused: problem ?? "" };
    if (!g)
      return { refused: `Unknown group: ${r.group} is not a Twingate group of this tenant (as of the last sync).` };
    if (gs.length > 1)
      return { refused: `Ambiguous group: ${gs.length} Twingate groups are named ${r.group}; rename one first.` };
    const item = { groupId: g.vendorId, userId: u.vendorId };
    const state = { ...item, member: member.has(`${g.vendorId}|${u.vendorId}`), groupName: g.name, email: r.email };
    return { state: { ...state, members: counts.get(g.vendorId) ?? 0 } };
  });
}

/** The group and users an undo changes back, from any event either change recorded (a page's or a sheet row's). */
const membersOf =
  (key: "added" | "removed") =>
  (e: UndoableEvent): MemberItem[] | null => {
    const targets = e.targets as { type: string; id: string }[] | null;
    const groupId = targets?.find((t) => t.type === "twingate_group")?.id;
    const userIds = (e.after as Record<string, unknown> | null)?.[key];
    if (!groupId || !Array.isArray(userIds)) return null;
    return userIds.filter((u): u is string => typeof u === "string").map((userId) => ({ groupId, userId }));
  };

/** Adds (add) or removes members. */
export function membershipChange(o: {
  add: boolean;
  id: AuditAction;
  label: string;
  help: string;
  /** The page's refusal when nothing chosen would change. */
  nothingToDo: string;
  formerBulkId: string;
  inverse: { op: AuditAction; label: string };
}): OperationDef<MemberItem, MemberState, MemberAnswer> {
  const { add } = o;
  const key = add ? "added" : "removed";
  return {
    id: o.id,
    vendor: "twingate",
    label: o.label,
    help: `${o.help} Twingate allows 20 changes a minute per tenant.`,
    perm: "twingate.write",
    risk: "reversible",
    // Twingate leaves a member added twice, or a non-member removed, as it is.
    idempotent: true,
    input: z.object({ groupId: Id, userId: Id }),
    list: { field: "userIds", of: "userId", common: ["groupId"], max: 500, empty: "Choose at least one." },
    // One write per group in a chunk; a bulk chunk is at most a minute of Twingate's 20 writes, so a cancel is seen.
    chunk: 20,
    nothingToDo: o.nothingToDo,
    name: (i) => i.userId,
    before: async (ctx, items) =>
      (await cachedMembers(ctx, items)).map((state) => ({
        state,
        plan: state.member === add ? "no_change" : "update",
      })),
    expect: (i) => ({ ...ids(i), member: add }),
    call: async (ctx, chunk) => {
      const client = ctx.client as TwingateClient;
      const byGroup = new Map<string, Sent<MemberItem, MemberState>[]>();
      for (const s of chunk) byGroup.set(s.item.groupId, [...(byGroup.get(s.item.groupId) ?? []), s]);
      const outcomes = new Map<Sent<MemberItem, MemberState>, Outcome<MemberAnswer>>();
      for (const [groupId, sent] of byGroup) {
        const userIds = sent.map((s) => s.item.userId);
        try {
          const group = await client.groupUpdate(
            add ? { id: groupId, addedUserIds: userIds } : { id: groupId, removedUserIds: userIds },
          );
          for (const s of sent) {
            const what = `${s.state.email ?? s.item.userId} ${add ? "added to" : "removed from"} ${group.name}`;
            outcomes.set(s, {
              ok: true,
              message: `Twingate: ${what}.`,
              answer: { ...ids(s.item), member: add, group },
            });
          }
        } catch (err) {
          // A person is told in Twingate's words; a sheet's rows of this group fail with them, the other groups' go on.
          if (ctx.surface === "interactive") throw err;
          for (const s of sent) outcomes.set(s, { ok: false, message: failureMessage(err) });
        }
      }
      return chunk.map((s) => outcomes.get(s) ?? { ok: false, message: "No answer for this item." });
    },
    // The group as Twingate answered and the membership edges, as the sync writes them.
    cache: async (ctx, done) => {
      const groups = new Map(done.flatMap((d) => (d.outcome.answer ? [[d.item.groupId, d.outcome.answer.group]] : [])));
      for (const group of groups.values()) await cacheWrite(ctx.db, ctx.tenantId, groupTarget, group);
      if (add) for (const d of done) await cacheWrite(ctx.db, ctx.tenantId, groupMemberTarget, ids(d.item));
      else {
        const edgeIds = done.map((d) => `${d.item.groupId}|${d.item.userId}`);
        await cacheDelete(ctx.db, ctx.tenantId, groupMemberTarget as never, edgeIds);
      }
    },
    inverse: { ...o.inverse, items: membersOf(key) },
    audit: {
      targets: (i, s) => [{ type: "twingate_group", id: i.groupId, ...(s?.groupName ? { label: s.groupName } : {}) }],
      before: ([s]) => s && { members: s.state.members ?? null },
      after: (done) => ({ [key]: done.filter((d) => d.outcome.ok).map((d) => d.item.userId) }),
    },
    csv: {
      row: Row,
      columns: [
        {
          field: "email",
          header: "email",
          aliases: UPN_ALIASES,
          required: true,
          example: "alice.smith@northwind.example",
        },
        {
          field: "group",
          header: "group",
          aliases: ["groupname", "group name"],
          required: true,
          example: "Engineering",
        },
      ],
      key: (r: Row) => `${normEmail(r.email)}|${r.groupId ?? r.group.toLowerCase()}`,
      check: async (ctx, rows: Row[]): Promise<Checked<MemberState>[]> =>
        (await knownRows(ctx, rows)).map((k) =>
          "refused" in k ? k : { state: k.state, plan: k.state.member === add ? "no_change" : "update" },
        ),
      toItem: (_row: Row, state: MemberState) => ids(state),
    },
    formerBulkId: o.formerBulkId,
    done: add ? "Added" : "Removed",
    // What the page's toast and list read: the group's name and how many changed.
    result: (done) => ({
      group: done[0]?.outcome.answer?.group.name ?? done[0]?.state.groupName ?? null,
      [key]: done.filter((d) => d.outcome.ok).length,
    }),
  };
}
