import { z } from "zod";
import type { Db } from "../../db/client";
import { cacheEdge, cacheEdgeDeleted, memberEdge } from "../../jumpcloud/cache";
import { groupTarget, userTarget } from "../../jumpcloud/targets";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { allPages } from "../../vendors/jumpcloud/paging";
import { UPN_ALIASES } from "../headers";
import { defineOperation, type PlannedRow } from "../operation";
import { inDoubt, userProblem, usersByEmail, bulkJumpcloudClient, jumpcloudMessage } from "./jumpcloud-lookup";

const Row = z.object({
  email: Upn,
  group: z.string().trim().min(1, "group is empty").max(200),
});
type Row = z.infer<typeof Row>;

interface Resolved { userId?: string; groupId?: string; groupName?: string; error?: string; member?: boolean }

/** Users by email and user groups by name (case-insensitive) from the cache, and whether each pair is a membership now. */
async function resolve(db: Db, tenantId: string, rows: Row[]): Promise<Resolved[]> {
  const find = await usersByEmail(db, tenantId, rows.map((r) => r.email));
  const groups = await db.vendorObject.findMany({
    where: { tenantId, vendor: "jumpcloud", kind: "user_group", deletedAt: null, name: { in: [...new Set(rows.map((r) => r.group))], mode: "insensitive" } },
    select: { vendorId: true, name: true },
  });
  const userIds = rows.flatMap((r) => find(r.email).map((u) => u.vendorId));
  const edges = await db.vendorEdge.findMany({
    where: { tenantId, vendor: "jumpcloud", kind: "user_group_member", deletedAt: null, fromId: { in: groups.map((g) => g.vendorId) }, toId: { in: userIds } },
    select: { fromId: true, toId: true },
  });
  const member = new Set(edges.map((e) => `${e.fromId}|${e.toId}`));
  return rows.map((r) => {
    const us = find(r.email);
    const problem = userProblem(r.email, us);
    if (problem) return { error: problem };
    const gs = groups.filter((g) => g.name?.toLowerCase() === r.group.toLowerCase());
    if (!gs.length) return { error: `Unknown group: ${r.group} is not a JumpCloud user group of this tenant (as of the last sync).` };
    if (gs.length > 1) return { error: `Ambiguous group: ${gs.length} JumpCloud user groups are named ${r.group}; rename one first.` };
    const userId = us[0].vendorId;
    const groupId = gs[0].vendorId;
    return { userId, groupId, groupName: gs[0].name ?? r.group, member: member.has(`${groupId}|${userId}`) };
  });
}

/**
 * Adds or removes users in JumpCloud user groups (by email and group name).
 * JumpCloud refuses a second add (409) and a remove of a non-member (404), so
 * a resend would fail a row that in fact took effect: not repeatable, and a
 * row left in doubt is checked against the user's groups at JumpCloud.
 */
const membershipOperation = (add: boolean) =>
  defineOperation<Row>({
    id: add ? "jumpcloud.group_add" : "jumpcloud.group_remove", vendor: "jumpcloud",
    label: add ? "JumpCloud: add users to groups" : "JumpCloud: remove users from groups",
    description: add
      ? "Adds each user to the named user group, giving them the systems, applications and policies bound to it. Existing members are left as they are."
      : "Removes each user from the named user group; they lose what the group gave them (systems, applications). Users who are not members are left as they are.",
    destructive: !add, repeatable: false, chunkSize: 1,
    columns: [
      { field: "email", header: "email", aliases: UPN_ALIASES, required: true, example: "alice.smith@northwind.example" },
      { field: "group", header: "group", aliases: ["groupname", "group name", "usergroup", "user group"], required: true, example: "Engineering" },
    ],
    row: Row,
    key: (r) => `${normEmail(r.email)}|${r.group.toLowerCase()}`,
    // before/after are the groups page's audit shape, so Undo reverses a bulk row too.
    plan: async (db, tenantId, rows) => (await resolve(db, tenantId, rows)).map((x): PlannedRow => {
      if (x.error) return { plan: "error", error: x.error };
      const ids = { kind: "user_group", groupId: x.groupId, memberId: x.userId };
      return { plan: x.member === add ? "no_change" : "update", before: { ...ids, member: x.member }, after: { ...ids, member: add } };
    }),
    apply: async (ctx, rows) => {
      const client = bulkJumpcloudClient(ctx.connection);
      const resolved = await resolve(ctx.db, ctx.tenantId, rows);
      return Promise.all(rows.map(async (r, i) => {
        const { userId, groupId, groupName, error } = resolved[i];
        if (error || !userId || !groupId) return { ok: false, message: `${(error ?? "Not in the cache any more").replace(/\.$/, "")}; sync JumpCloud and retry.` };
        try {
          await client.modifyGroupMembers("user", groupId, add ? "add" : "remove", userId);
          return { ok: true, message: `JumpCloud: ${r.email} ${add ? "added to" : "removed from"} ${groupName}.` };
        } catch (err) {
          if (inDoubt(err)) throw err;
          return { ok: false, message: jumpcloudMessage(err) };
        }
      }));
    },
    check: async (ctx, r) => {
      const [x] = await resolve(ctx.db, ctx.tenantId, [r]);
      if (!x.userId || !x.groupId) return null;
      const client = bulkJumpcloudClient(ctx.connection);
      const groups = await allPages((skip, limit) => client.userMemberOf(x.userId!, { skip, limit }), { concurrency: 2 });
      return groups.some((g) => g.type === "user_group" && g.id === x.groupId) === add;
    },
    // The membership edge as the sync writes it (GET …/members answers {to, attributes}).
    afterSuccess: async (db, tenantId, rows) => {
      const resolved = await resolve(db, tenantId, rows);
      for (const [i, x] of resolved.entries()) {
        if (!x.userId || !x.groupId) continue;
        if (add) await cacheEdge(db, tenantId, "user_group_member", memberEdge(x.groupId, "user", x.userId, `${x.groupName} → ${rows[i].email}`));
        else await cacheEdgeDeleted(db, tenantId, "user_group_member", x.groupId, x.userId);
      }
    },
    audit: {
      action: add ? "jumpcloud.group.member_added" : "jumpcloud.group.member_removed",
      // As the groups page records it: the group, then the member.
      target: (r, p) => {
        const b = p.before as { groupId?: string; memberId?: string } | null;
        return [groupTarget("user_group", b?.groupId ?? r.group, r.group), userTarget(b?.memberId ?? normEmail(r.email), r.email)];
      },
    },
  });

export const jumpcloudGroupAdd = membershipOperation(true);
export const jumpcloudGroupRemove = membershipOperation(false);
