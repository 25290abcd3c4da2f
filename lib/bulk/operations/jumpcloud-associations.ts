import { z } from "zod";
import type { Db } from "../../db/client";
import { associationEdge, cacheEdge, cacheEdgeDeleted } from "../../jumpcloud/cache";
import { systemTarget, userTarget } from "../../jumpcloud/targets";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { allPages } from "../../vendors/jumpcloud/paging";
import { UPN_ALIASES } from "../headers";
import { defineOperation, type PlannedRow } from "../operation";
import { inDoubt, userProblem, usersByEmail, bulkJumpcloudClient, jumpcloudMessage } from "./jumpcloud-lookup";

const Row = z.object({
  email: Upn,
  system: z.string().trim().min(1, "system is empty").max(255),
});
type Row = z.infer<typeof Row>;

const OBJECT_ID = /^[a-f0-9]{24}$/i;

interface Resolved { userId?: string; systemId?: string; systemName?: string; error?: string; associated?: boolean }

/**
 * Users by email and systems by hostname, display name or JumpCloud ID
 * (case-insensitive) from the cache, and whether each user is bound to the
 * system directly now. A name two systems share is refused: the row must say
 * which one (its ID).
 */
async function resolve(db: Db, tenantId: string, rows: Row[]): Promise<Resolved[]> {
  const find = await usersByEmail(db, tenantId, rows.map((r) => r.email));
  const names = [...new Set(rows.map((r) => r.system))];
  const systems = await db.jumpcloudSystem.findMany({
    where: {
      tenantId, deletedAt: null,
      OR: [
        { hostname: { in: names, mode: "insensitive" } },
        { displayName: { in: names, mode: "insensitive" } },
        { vendorId: { in: names.filter((n) => OBJECT_ID.test(n)).map((n) => n.toLowerCase()) } },
      ],
    },
    select: { vendorId: true, hostname: true, displayName: true },
  });
  const userIds = rows.flatMap((r) => find(r.email).map((u) => `user:${u.vendorId}`));
  const edges = await db.vendorEdge.findMany({
    where: { tenantId, vendor: "jumpcloud", kind: "association", deletedAt: null, fromId: { in: userIds }, toId: { in: systems.map((s) => `system:${s.vendorId}`) } },
    select: { fromId: true, toId: true },
  });
  const bound = new Set(edges.map((e) => `${e.fromId}|${e.toId}`));
  return rows.map((r) => {
    const us = find(r.email);
    const problem = userProblem(r.email, us);
    if (problem) return { error: problem };
    const want = r.system.toLowerCase();
    const byId = systems.filter((s) => s.vendorId.toLowerCase() === want);
    const ss = byId.length ? byId : systems.filter((s) => s.hostname?.toLowerCase() === want || s.displayName?.toLowerCase() === want);
    if (!ss.length) return { error: `Unknown system: ${r.system} is not the hostname, display name or ID of a JumpCloud system of this tenant (as of the last sync).` };
    if (ss.length > 1) return { error: `Ambiguous system: ${ss.length} JumpCloud systems are named ${r.system} (${ss.map((s) => s.vendorId).join(", ")}); give the system's ID instead.` };
    const userId = us[0].vendorId;
    const systemId = ss[0].vendorId;
    return { userId, systemId, systemName: ss[0].displayName || ss[0].hostname || systemId, associated: bound.has(`user:${userId}|system:${systemId}`) };
  });
}

/**
 * Binds users to systems (or unbinds them), by email and system name: the
 * direct user–system association, as the user page makes it. JumpCloud
 * refuses a second add (409) and a remove of what is not bound (404): not
 * repeatable; a row in doubt is checked against the user's associations.
 */
const associationOperation = (add: boolean) =>
  defineOperation<Row>({
    id: add ? "jumpcloud.system_add" : "jumpcloud.system_remove", vendor: "jumpcloud",
    label: add ? "JumpCloud: associate users with systems" : "JumpCloud: remove users from systems",
    description: add
      ? "Associates each user directly with the named system (hostname, display name or ID): JumpCloud creates the user's account on it. Users already associated are left as they are."
      : "Removes each user's direct association with the named system: JumpCloud takes the user's access to it away. Access through a group is not touched; users not directly associated are left as they are.",
    destructive: !add, repeatable: false, chunkSize: 1,
    columns: [
      { field: "email", header: "email", aliases: UPN_ALIASES, required: true, example: "alice.smith@northwind.example" },
      { field: "system", header: "system", aliases: ["hostname", "host", "displayname", "display name", "device", "computer", "systemname", "systemid"], required: true, example: "NW-LT-0042", hint: "hostname, display name or JumpCloud system ID" },
    ],
    row: Row,
    key: (r) => `${normEmail(r.email)}|${r.system.toLowerCase()}`,
    // before/after are the user page's association audit shape, so Undo reverses a bulk row too.
    plan: async (db, tenantId, rows) => (await resolve(db, tenantId, rows)).map((x): PlannedRow => {
      if (x.error) return { plan: "error", error: x.error };
      const pair = { fromType: "user", fromId: x.userId, toType: "system", toId: x.systemId };
      return { plan: x.associated === add ? "no_change" : "update", before: { ...pair, associated: x.associated }, after: { ...pair, associated: add } };
    }),
    apply: async (ctx, rows) => {
      const client = bulkJumpcloudClient(ctx.connection);
      const resolved = await resolve(ctx.db, ctx.tenantId, rows);
      return Promise.all(rows.map(async (r, i) => {
        const { userId, systemId, systemName, error } = resolved[i];
        if (error || !userId || !systemId) return { ok: false, message: `${(error ?? "Not in the cache any more").replace(/\.$/, "")}; sync JumpCloud and retry.` };
        try {
          await client.modifyAssociation("users", userId, { op: add ? "add" : "remove", type: "system", id: systemId });
          return { ok: true, message: `JumpCloud: ${r.email} ${add ? "associated with" : "removed from"} ${systemName}.` };
        } catch (err) {
          if (inDoubt(err)) throw err;
          return { ok: false, message: jumpcloudMessage(err) };
        }
      }));
    },
    check: async (ctx, r) => {
      const [x] = await resolve(ctx.db, ctx.tenantId, [r]);
      if (!x.userId || !x.systemId) return null;
      const client = bulkJumpcloudClient(ctx.connection);
      const bound = await allPages((skip, limit) => client.listAssociations("users", x.userId!, ["system"], { skip, limit }), { concurrency: 2 });
      return bound.some((c) => c.to.type === "system" && c.to.id === x.systemId) === add;
    },
    // The association edge as the sync writes it from the user side.
    afterSuccess: async (db, tenantId, rows) => {
      const resolved = await resolve(db, tenantId, rows);
      for (const [i, x] of resolved.entries()) {
        if (!x.userId || !x.systemId) continue;
        if (add) await cacheEdge(db, tenantId, "association", associationEdge({ type: "user", id: x.userId }, { type: "system", id: x.systemId }, null, `${rows[i].email} → ${x.systemName}`));
        else await cacheEdgeDeleted(db, tenantId, "association", `user:${x.userId}`, `system:${x.systemId}`);
      }
    },
    audit: {
      action: add ? "jumpcloud.association.added" : "jumpcloud.association.removed",
      target: (r, p) => {
        const b = p.before as { fromId?: string; toId?: string } | null;
        return [userTarget(b?.fromId ?? normEmail(r.email), r.email), systemTarget(b?.toId ?? r.system, r.system)];
      },
    },
  });

export const jumpcloudSystemAdd = associationOperation(true);
export const jumpcloudSystemRemove = associationOperation(false);
