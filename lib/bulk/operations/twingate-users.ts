import { z } from "zod";
import type { Db } from "../../db/client";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { userTarget } from "../../sync/twingate/targets";
import { cacheWrite } from "../../twingate/cache";
import { clientOf } from "../../vendors/client-for";
import { failureMessage } from "../../vendors/core/vendor-message";
import type { OpenConnection } from "../../vendors/load-connection";
import type { TwingateClient } from "../../vendors/twingate/client";
import { UPN_ALIASES } from "../headers";
import { defineOperation, type PlannedRow } from "../operation";
import { twingateUserProblem, twingateUsersByEmail } from "./twingate-lookup";

/** Bulk waits for budget (as the sync does) rather than refusing as a person clicking would be told to. */
export function bulkTwingateClient(db: Db, _tenantId: string, connection: OpenConnection): TwingateClient {
  return clientOf<"twingate">(db, connection, "worker");
}

/** Twingate's words for a failure, as the console shows them. */
export const twingateMessage = failureMessage;

const STATES = { active: "ACTIVE", disabled: "DISABLED", suspended: "DISABLED", enabled: "ACTIVE" } as const;

const Row = z.object({
  email: Upn,
  state: z.string().trim().toLowerCase().pipe(z.enum(["active", "disabled", "suspended", "enabled"], "state must be active or disabled"))
    .transform((s) => STATES[s]),
});
type Row = z.infer<typeof Row>;

/** Suspends (DISABLED) or restores (ACTIVE) Twingate users by email. */
export const twingateUserState = defineOperation<Row>({
  id: "twingate.user_state", vendor: "twingate", label: "Twingate: suspend or restore users",
  description: "Sets each user's state to active or disabled. A disabled user cannot connect until restored. Twingate allows 20 changes a minute per tenant, so large files take a while.",
  destructive: false, repeatable: true, chunkSize: 1,
  columns: [
    { field: "email", header: "email", aliases: UPN_ALIASES, required: true, example: "alice.smith@northwind.example" },
    { field: "state", header: "state", aliases: ["status", "userstate"], required: true, example: "disabled", hint: "active or disabled" },
  ],
  row: Row,
  key: (r) => normEmail(r.email),
  plan: async (db, tenantId, rows) => {
    const find = await twingateUsersByEmail(db, tenantId, rows.map((r) => r.email));
    return rows.map((r): PlannedRow => {
      const found = find(r.email);
      const problem = twingateUserProblem(r.email, found);
      if (problem) return { plan: "error", error: problem };
      const u = found[0];
      // An invited user who has not signed in yet is PENDING; Twingate decides whether it may be changed.
      const before = { userId: u.vendorId, state: u.state };
      const after = { userId: u.vendorId, state: r.state };
      return { plan: u.state === r.state ? "no_change" : "update", before, after };
    });
  },
  apply: async (ctx, rows) => {
    const client = bulkTwingateClient(ctx.db, ctx.tenantId, ctx.connection);
    const find = await twingateUsersByEmail(ctx.db, ctx.tenantId, rows.map((r) => r.email));
    return Promise.all(rows.map(async (r) => {
      const u = find(r.email)[0];
      if (!u) return { ok: false, message: "The user is not in the cache any more; sync Twingate and retry." };
      try {
        const user = await client.userDetailsUpdate({ id: u.vendorId, state: r.state });
        return { ok: user.state === r.state, message: `Twingate: ${user.email} is ${user.state}.` };
      } catch (err) {
        return { ok: false, message: twingateMessage(err) };
      }
    }));
  },
  check: async (ctx, r) => {
    const u = (await twingateUsersByEmail(ctx.db, ctx.tenantId, [r.email]))(r.email)[0];
    if (!u) return null;
    try {
      const user = await bulkTwingateClient(ctx.db, ctx.tenantId, ctx.connection).user(u.vendorId);
      return user ? user.state === r.state : null;
    } catch {
      return null;
    }
  },
  afterSuccess: async (db, tenantId, rows) => {
    // Re-read each changed user so the cache row is exactly what the sync would write.
    const find = await twingateUsersByEmail(db, tenantId, rows.map((r) => r.email));
    for (const r of rows) {
      const u = find(r.email)[0];
      if (!u) continue;
      const cached = await db.twingateUser.findUnique({ where: { tenantId_vendorId: { tenantId, vendorId: u.vendorId } }, select: { raw: true } });
      if (!cached?.raw) continue;
      await cacheWrite(db, tenantId, userTarget, { ...(cached.raw as object), state: r.state } as never);
    }
  },
  audit: {
    action: "twingate.user.state_changed",
    // Named by Twingate's user id, as the users page does: its undo reads the id from the target.
    target: (r, p) => ({ type: "twingate_user", id: (p.before as { userId?: string } | null)?.userId ?? normEmail(r.email), label: r.email }),
    // As the users page records it ({ state } → { state }), so Undo works on a bulk row too.
    values: (_r, p) => ({ before: { state: (p.before as { state?: string } | null)?.state }, after: { state: (p.after as { state?: string } | null)?.state } }),
  },
});
