import { z } from "zod";
import type { Db } from "../db/client";
import { defineOperation, type PlannedRow } from "../bulk/operation";
import { cacheEdgeDeleted } from "../jumpcloud/cache";
import { groupTarget, userTarget } from "../jumpcloud/targets";
import { Upn } from "../people/upn";
import { clientOf } from "../vendors/client-for";
import { VendorError } from "../vendors/core/vendor-error";
import { failureMessage } from "../vendors/core/vendor-message";

// Offboarding steps that have no CSV operation of their own (TruGrid's
// association removal is an operation of the catalogue, offered only as a
// runbook step: lib/operations/trugrid/remove-machine-association.ts): each is a
// bulk operation (plan against the cache, vendor call, cache update, audit
// event in the shape the matching console action records, so its undo
// reverses a runbook row too), used only within the offboarding runbook.

// ---- JumpCloud: remove the user from one user group ----

const GroupRow = z.object({ email: Upn, userId: z.string().min(1).max(64), groupId: z.string().min(1).max(64), groupName: z.string().max(256).optional() });
type GroupRow = z.infer<typeof GroupRow>;

async function isMember(db: Db, tenantId: string, r: GroupRow) {
  return (await db.vendorEdge.count({ where: { tenantId, vendor: "jumpcloud", kind: "user_group_member", deletedAt: null, fromId: r.groupId, toId: r.userId } })) > 0;
}

export const jumpcloudRemoveFromGroup = defineOperation<GroupRow>({
  id: "offboarding.jumpcloud_group_remove", vendor: "jumpcloud", label: "JumpCloud: remove from user group",
  description: "Removes the user from a JumpCloud user group; they lose what the group gave them (systems, apps, RADIUS, policies).",
  destructive: false, repeatable: true, chunkSize: 1,
  columns: [], row: GroupRow, key: (r) => `${r.userId}|${r.groupId}`,
  plan: async (db, tenantId, rows) => Promise.all(rows.map(async (r): Promise<PlannedRow> => {
    const ids = { kind: "user_group", groupId: r.groupId, memberId: r.userId, group: r.groupName ?? r.groupId };
    const member = await isMember(db, tenantId, r);
    return { plan: member ? "update" : "no_change", before: { ...ids, member }, after: { ...ids, member: false } };
  })),
  apply: async (ctx, rows) => {
    const client = clientOf<"jumpcloud">(ctx.db, ctx.connection, "worker");
    return Promise.all(rows.map(async (r) => {
      try {
        await client.modifyGroupMembers("user", r.groupId, "remove", r.userId);
        await cacheEdgeDeleted(ctx.db, ctx.tenantId, "user_group_member", r.groupId, r.userId);
        return { ok: true, message: `JumpCloud: ${r.email} removed from ${r.groupName ?? r.groupId}.` };
      } catch (err) {
        // Not a member any more is the outcome asked for.
        if (err instanceof VendorError && err.status === 404) {
          await cacheEdgeDeleted(ctx.db, ctx.tenantId, "user_group_member", r.groupId, r.userId);
          return { ok: true, message: `JumpCloud: ${r.email} was not in ${r.groupName ?? r.groupId} any more.` };
        }
        return { ok: false, message: failureMessage(err) };
      }
    }));
  },
  audit: {
    action: "jumpcloud.group.member_removed",
    // As the groups page names a membership: the group, then the member.
    target: (r) => [groupTarget("user_group", r.groupId, r.groupName), userTarget(r.userId, r.email)],
    // The group page's shape ({kind, groupId, memberId, member}), so its undo adds a runbook row's user back.
    values: (r) => ({
      before: { kind: "user_group", groupId: r.groupId, memberId: r.userId, member: true },
      after: { kind: "user_group", groupId: r.groupId, memberId: r.userId, member: false },
    }),
  },
});
