import { z } from "zod";
import type { Db } from "../db/client";
import { failureMessage } from "../vendors/core/vendor-message";
import { bulkJumpcloudClient, jumpcloudMessage } from "../bulk/operations/jumpcloud-lookup";
import { defineOperation, type PlannedRow } from "../bulk/operation";
import { cacheEdgeDeleted } from "../jumpcloud/cache";
import { groupTarget, userTarget } from "../jumpcloud/targets";
import { Upn } from "../people/upn";
import { normEmail } from "../sync/target";
import { associationTarget } from "../trugrid/association-audit";
import { clearAssociations, upsertAssociation } from "../trugrid/cache";
import { clientsFor } from "../vendors/clients";
import { VendorError } from "../vendors/core/vendor-error";

// Offboarding steps that have no CSV operation of their own: each is a
// bulk operation (plan against the cache, vendor call, cache update, audit
// event in the shape the matching console action records, so its undo
// reverses a runbook row too), used only within the offboarding runbook.

const lc = (s: string) => s.toLowerCase();
const SAY = failureMessage;

// ---- TruGrid: remove one user's machine association in one group ----

const AssocRow = z.object({ upn: Upn, groupName: z.string().min(1).max(256) });
type AssocRow = z.infer<typeof AssocRow>;

async function cachedAssociation(db: Db, tenantId: string, r: AssocRow) {
  const edges = await db.vendorEdge.findMany({
    where: { tenantId, vendor: "trugrid", kind: "machine_association", deletedAt: null, toId: { equals: r.groupName, mode: "insensitive" } },
    select: { fromId: true, attributes: true },
  });
  const mine = edges.find((e) => lc(e.fromId) === lc(r.upn));
  return { machine: mine ? ((mine.attributes as { machineName?: string } | null)?.machineName ?? null) : undefined, others: edges.length - (mine ? 1 : 0) };
}

/**
 * TruGrid has no call that removes one user's association: it clears a whole
 * machine group. So the group's associations are read from TruGrid just
 * before, the group is cleared, and every other user's association is set
 * again. Not resent blindly after a crash (the others could be lost between
 * the clear and the set): `check` asks TruGrid whether the user still has one.
 */
export const trugridRemoveAssociation = defineOperation<AssocRow>({
  id: "offboarding.trugrid_association_remove", vendor: "trugrid", label: "TruGrid: remove machine association",
  description: "Removes the user's machine association in a group: TruGrid can only clear a whole group, so the group is cleared and the other users' associations (read from TruGrid just before) are set again.",
  destructive: true, repeatable: false, chunkSize: 100,
  columns: [], row: AssocRow, key: (r) => `${normEmail(r.upn)}|${lc(r.groupName)}`,
  plan: async (db, tenantId, rows) => Promise.all(rows.map(async (r): Promise<PlannedRow> => {
    const { machine, others } = await cachedAssociation(db, tenantId, r);
    const note = `group cleared, ${others} other association${others === 1 ? "" : "s"} set again`;
    if (machine === undefined) return { plan: "no_change", before: { groupName: r.groupName, machineName: null }, after: { groupName: r.groupName, machineName: null } };
    return { plan: "update", before: { groupName: r.groupName, machineName: machine }, after: { groupName: r.groupName, machineName: null, how: note } };
  })),
  // Rows of one group are done in one read–clear–set cycle, under a lock per group: two cycles on the same
  // group at once (another lane, another job) would each set back the user the other removed.
  apply: async (ctx, rows) => {
    const client = clientsFor.trugrid(ctx.connection);
    const out = new Map<AssocRow, { ok: boolean; message: string }>();
    const byGroup = new Map<string, AssocRow[]>();
    for (const r of rows) byGroup.set(lc(r.groupName), [...(byGroup.get(lc(r.groupName)) ?? []), r]);
    for (const [group, leaving] of byGroup) {
      const groupName = leaving[0].groupName;
      try {
        await ctx.db.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`trugrid-group:${ctx.tenantId}:${group}`}))`;
          const live = await client.getMachineAssociations({ groupName });
          const gone = new Set(leaving.map((r) => lc(r.upn)));
          const mine = live.filter((a) => gone.has(lc(a.userUpn)));
          const others = live.filter((a) => !gone.has(lc(a.userUpn)));
          const machineOf = (r: AssocRow) => mine.find((a) => lc(a.userUpn) === lc(r.upn))?.machineName;
          if (mine.length) {
            const [cleared] = await client.clearMachineAssociations([groupName]);
            if (!cleared?.ok) {
              for (const r of leaving) out.set(r, { ok: false, message: `TruGrid: ${cleared?.status ?? "no answer for the group"}` });
              return;
            }
          }
          await clearAssociations(ctx.db, ctx.tenantId, [groupName]);
          const refused: string[] = [];
          if (mine.length) {
            for (let i = 0; i < others.length; i += 100) {
              for (const res of await client.setMachineAssociations(others.slice(i, i + 100))) {
                if (res.ok) await upsertAssociation(ctx.db, ctx.tenantId, res.item);
                else refused.push(`${res.item.userUpn} → ${res.item.machineName}: ${res.status}`);
              }
            }
          } else {
            // Nothing was cleared: the cache keeps the others as TruGrid has them.
            for (const a of others) await upsertAssociation(ctx.db, ctx.tenantId, a);
          }
          const kept = `${others.length - refused.length} other association${others.length - refused.length === 1 ? "" : "s"} set again`;
          for (const r of leaving) {
            const machine = machineOf(r);
            if (!machine) out.set(r, { ok: true, message: `TruGrid: ${r.upn} has no association in ${groupName} (already removed).` });
            else if (refused.length) out.set(r, { ok: false, message: `TruGrid: ${r.upn} → ${machine} removed from ${groupName}, but ${refused.length} of ${others.length} other associations could not be set again: ${refused.join("; ")}` });
            else out.set(r, { ok: true, message: `TruGrid: ${r.upn} → ${machine} removed from ${groupName}; ${kept}.` });
          }
        }, { timeout: 120_000, maxWait: 60_000 });
      } catch (err) {
        for (const r of leaving) if (!out.has(r)) out.set(r, { ok: false, message: SAY(err) });
      }
    }
    return rows.map((r) => out.get(r)!);
  },
  check: async (ctx, r) => {
    try {
      const live = await clientsFor.trugrid(ctx.connection).getMachineAssociations({ userUpn: r.upn });
      return !live.some((a) => lc(a.groupName) === lc(r.groupName));
    } catch {
      return null;
    }
  },
  audit: {
    action: "trugrid.machine_association.removed",
    target: (r, p) => associationTarget({ userUpn: r.upn, groupName: r.groupName, machineName: (p.before as { machineName?: string } | null)?.machineName ?? "?" }),
    // What the undo sets again: the user's machine in the group.
    values: (r, p) => ({
      before: { userUpn: r.upn, groupName: r.groupName, machineName: (p.before as { machineName?: string } | null)?.machineName ?? null },
      after: { userUpn: r.upn, groupName: r.groupName, machineName: null },
    }),
  },
});

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
    const client = bulkJumpcloudClient(ctx.connection);
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
        return { ok: false, message: jumpcloudMessage(err) };
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
