import { z } from "zod";
import { cacheUser } from "../../jumpcloud/cache";
import { userSnapshot, userTarget } from "../../jumpcloud/targets";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { JUMPCLOUD_TUNING } from "../../vendors/client-for";
import { clientsFor } from "../../vendors/clients";
import { failureMessage } from "../../vendors/core/vendor-message";
import { loadConnection, type OpenConnection } from "../../vendors/load-connection";
import { UPN_ALIASES } from "../headers";
import { defineOperation, type PlannedRow } from "../operation";
import { userProblem, usersByEmail } from "./jumpcloud-lookup";

const Row = z.object({ email: Upn });
type Row = z.infer<typeof Row>;

/** A worker waits out a busy JumpCloud longer than a person clicking would. */
export const bulkJumpcloudClient = (connection: OpenConnection) => clientsFor.jumpcloud(connection, JUMPCLOUD_TUNING.worker);

/** JumpCloud's own words for a failure, as the console shows them. */
export const jumpcloudMessage = failureMessage;

/** Suspend (SUSPENDED) or reactivate (ACTIVATED) users by email: a state change, safe to send twice. */
const stateOperation = (suspend: boolean) => {
  const target = suspend ? "SUSPENDED" : "ACTIVATED";
  return defineOperation<Row>({
    id: suspend ? "jumpcloud.suspend" : "jumpcloud.reactivate", vendor: "jumpcloud",
    label: suspend ? "JumpCloud: suspend users" : "JumpCloud: reactivate users",
    description: suspend
      ? "Suspends each user: they cannot sign in to JumpCloud or the systems and apps it manages until reactivated."
      : "Reactivates each suspended user. A staged (never activated) user is refused by JumpCloud; activate those on the user's page.",
    destructive: false, repeatable: true, chunkSize: 1,
    columns: [{ field: "email", header: "email", aliases: UPN_ALIASES, required: true, example: "alice.smith@northwind.example" }],
    row: Row,
    key: (r) => normEmail(r.email),
    plan: async (db, tenantId, rows) => {
      const find = await usersByEmail(db, tenantId, rows.map((r) => r.email));
      return rows.map((r): PlannedRow => {
        const us = find(r.email);
        const problem = userProblem(r.email, us);
        if (problem) return { plan: "error", error: problem };
        const u = us[0];
        const before = { userId: u.vendorId, ...userSnapshot(u) };
        if (u.state === target) return { plan: "no_change", before, after: before };
        if (!suspend && u.state === "STAGED") return { plan: "error", error: `${r.email} is staged, not suspended: activate it on the user's page.` };
        return { plan: "update", before, after: { ...before, state: target, suspended: suspend } };
      });
    },
    apply: async (ctx, rows) => {
      const client = bulkJumpcloudClient(ctx.connection);
      const find = await usersByEmail(ctx.db, ctx.tenantId, rows.map((r) => r.email));
      return Promise.all(rows.map(async (r) => {
        const u = find(r.email)[0];
        if (!u) return { ok: false, message: "The user is not in the cache any more; sync JumpCloud and retry." };
        try {
          await client.updateUser(u.vendorId, { state: target });
          return { ok: true, message: `JumpCloud: ${r.email} is ${target}.` };
        } catch (err) {
          return { ok: false, message: jumpcloudMessage(err) };
        }
      }));
    },
    check: async (ctx, r) => {
      const u = (await usersByEmail(ctx.db, ctx.tenantId, [r.email]))(r.email)[0];
      if (!u) return null;
      try {
        return (await bulkJumpcloudClient(ctx.connection).getUser(u.vendorId)).state === target;
      } catch {
        return null;
      }
    },
    // Re-read from JumpCloud, as the user page does, so the cache row is exactly what the sync writes.
    afterSuccess: async (db, tenantId, rows) => {
      const connection = await loadConnection(db, tenantId, "jumpcloud");
      if (!connection) return;
      const client = bulkJumpcloudClient(connection);
      const find = await usersByEmail(db, tenantId, rows.map((r) => r.email));
      for (const r of rows) {
        const u = find(r.email)[0];
        if (u) await cacheUser(db, tenantId, await client.getUser(u.vendorId)).catch(() => undefined);
      }
    },
    audit: {
      action: suspend ? "jumpcloud.user.suspended" : "jumpcloud.user.reactivated",
      target: (r, p) => userTarget((p.before as { userId?: string } | null)?.userId ?? normEmail(r.email), r.email),
      // The user page's shape (userSnapshot before and after), so its undo reverses a bulk row too.
      values: (_r, p) => {
        const strip = (v: unknown) => { if (!v) return v; const { userId: _, ...rest } = v as Record<string, unknown>; return rest; };
        return { before: strip(p.before), after: strip(p.after) };
      },
    },
  });
};

export const jumpcloudSuspend = stateOperation(true);
export const jumpcloudReactivate = stateOperation(false);
