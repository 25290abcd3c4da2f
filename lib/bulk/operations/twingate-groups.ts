import { z } from "zod";
import type { Db } from "../../db/client";
import { groupMemberTarget, groupTarget } from "../../sync/twingate/targets";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { cacheDelete, cacheWrite } from "../../twingate/cache";
import { UPN_ALIASES } from "../headers";
import { defineOperation, type PlannedRow } from "../operation";
import { twingateUserProblem, twingateUsersByEmail } from "./twingate-lookup";
import { clientOf } from "../../vendors/client-for";
import { failureMessage } from "../../vendors/core/vendor-message";

const Row = z.object({
  email: Upn,
  group: z.string().trim().min(1, "group is empty").max(200),
});
type Row = z.infer<typeof Row>;

interface Resolved { userId?: string; groupId?: string; error?: string; member?: boolean }

/** Users by email and groups by name (case-insensitive) from the cache, and whether each pair is a membership now. */
async function resolve(db: Db, tenantId: string, rows: Row[]): Promise<Resolved[]> {
  const findUsers = await twingateUsersByEmail(db, tenantId, rows.map((r) => r.email));
  const users = rows.flatMap((r) => findUsers(r.email));
  const groups = await db.vendorObject.findMany({
    where: { tenantId, vendor: "twingate", kind: "group", deletedAt: null, name: { in: [...new Set(rows.map((r) => r.group))], mode: "insensitive" } },
    select: { vendorId: true, name: true },
  });
  const edges = await db.vendorEdge.findMany({
    where: { tenantId, vendor: "twingate", kind: "group_member", deletedAt: null, fromId: { in: groups.map((g) => g.vendorId) }, toId: { in: users.map((u) => u.vendorId) } },
    select: { fromId: true, toId: true },
  });
  const member = new Set(edges.map((e) => `${e.fromId}|${e.toId}`));
  return rows.map((r) => {
    const us = findUsers(r.email);
    const gs = groups.filter((g) => g.name?.toLowerCase() === r.group.toLowerCase());
    const userProblem = twingateUserProblem(r.email, us);
    if (userProblem) return { error: userProblem };
    if (!gs.length) return { error: `Unknown group: ${r.group} is not a Twingate group of this tenant (as of the last sync).` };
    if (gs.length > 1) return { error: `Ambiguous group: ${gs.length} Twingate groups are named ${r.group}; rename one first.` };
    const userId = us[0].vendorId;
    const groupId = gs[0].vendorId;
    return { userId, groupId, member: member.has(`${groupId}|${userId}`) };
  });
}

const membershipOperation = (add: boolean) =>
  defineOperation<Row>({
    id: add ? "twingate.group_add" : "twingate.group_remove", vendor: "twingate",
    label: add ? "Twingate: add users to groups" : "Twingate: remove users from groups",
    description: add
      ? "Adds each user to the named group, giving them the group's resources. Twingate allows 20 changes a minute per tenant."
      : "Removes each user from the named group; they lose the resources it gave them. Twingate allows 20 changes a minute per tenant.",
    destructive: !add, repeatable: true, chunkSize: 1,
    columns: [
      { field: "email", header: "email", aliases: UPN_ALIASES, required: true, example: "alice.smith@northwind.example" },
      { field: "group", header: "group", aliases: ["groupname", "group name"], required: true, example: "Engineering" },
    ],
    row: Row,
    key: (r) => `${normEmail(r.email)}|${r.group.toLowerCase()}`,
    plan: async (db, tenantId, rows) => (await resolve(db, tenantId, rows)).map((x): PlannedRow => {
      if (x.error) return { plan: "error", error: x.error };
      const ids = { groupId: x.groupId, userId: x.userId };
      return { plan: x.member === add ? "no_change" : "update", before: { ...ids, member: x.member }, after: { ...ids, member: add } };
    }),
    apply: async (ctx, rows) => {
      const client = clientOf<"twingate">(ctx.db, ctx.connection, "worker");
      const resolved = await resolve(ctx.db, ctx.tenantId, rows);
      return Promise.all(rows.map(async (r, i) => {
        const { userId, groupId, error } = resolved[i];
        if (error || !userId || !groupId) return { ok: false, message: `${error ?? "Not in the cache any more"}; sync Twingate and retry.` };
        try {
          const group = await client.groupUpdate(add ? { id: groupId, addedUserIds: [userId] } : { id: groupId, removedUserIds: [userId] });
          // The group's own row as Twingate answered it; the membership edge is written in afterSuccess.
          await cacheWrite(ctx.db, ctx.tenantId, groupTarget, group);
          return { ok: true, message: `Twingate: ${r.email} ${add ? "added to" : "removed from"} ${group.name}.` };
        } catch (err) {
          return { ok: false, message: failureMessage(err) };
        }
      }));
    },
    afterSuccess: async (db, tenantId, rows) => {
      for (const x of await resolve(db, tenantId, rows)) {
        if (!x.userId || !x.groupId) continue;
        if (add) await cacheWrite(db, tenantId, groupMemberTarget, { groupId: x.groupId, userId: x.userId });
        else await cacheDelete(db, tenantId, groupMemberTarget as never, [`${x.groupId}|${x.userId}`]);
      }
    },
    audit: {
      action: add ? "twingate.group.members_added" : "twingate.group.members_removed",
      // As the groups page records it (target the group, after { added | removed: [user ids] }), so Undo works on a bulk row too.
      target: (r, p) => ({ type: "twingate_group", id: (p.before as { groupId?: string } | null)?.groupId ?? r.group, label: r.group }),
      values: (_r, p) => {
        const userId = (p.before as { userId?: string } | null)?.userId;
        return { before: p.before, after: { [add ? "added" : "removed"]: userId ? [userId] : [] } };
      },
    },
  });

export const twingateGroupAdd = membershipOperation(true);
export const twingateGroupRemove = membershipOperation(false);
