import { z } from "zod";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { userTarget } from "../../sync/twingate/targets";
import { cacheWrite } from "../../twingate/cache";
import { TWINGATE_ROLES } from "../../twingate/constants";
import { UPN_ALIASES } from "../headers";
import { defineOperation, type PlannedRow } from "../operation";
import { twingateUserProblem, twingateUsersByEmail } from "./twingate-lookup";
import { bulkTwingateClient, twingateMessage } from "./twingate-users";

/** Twingate's UserRole enum; a sheet may say "DevOps" or "Access reviewer". */
const Role = z.string().trim().transform((s) => s.toUpperCase().replace(/[\s-]+/g, "_"))
  .pipe(z.enum(TWINGATE_ROLES, `role must be one of ${TWINGATE_ROLES.join(", ")}`));

const Row = z.object({ email: Upn, role: Role });
type Row = z.infer<typeof Row>;

/** Sets each user's Twingate role by email, as the users page's role change does (admins only there, so here too). */
export const twingateUserRole = defineOperation<Row>({
  id: "twingate.user_role", vendor: "twingate", label: "Twingate: set user roles",
  description: "Sets each user's role (ADMIN, DEVOPS, SUPPORT, ACCESS_REVIEWER or MEMBER). A role reaches the whole network, so only admins may run it. Twingate allows 20 changes a minute per tenant.",
  destructive: false, repeatable: true, perm: "twingate.network.write", chunkSize: 1,
  columns: [
    { field: "email", header: "email", aliases: UPN_ALIASES, required: true, example: "alice.smith@northwind.example" },
    { field: "role", header: "role", aliases: ["userrole", "user role"], required: true, example: "SUPPORT", hint: TWINGATE_ROLES.join(", ") },
  ],
  row: Row,
  key: (r) => normEmail(r.email),
  plan: async (db, tenantId, rows) => {
    const find = await twingateUsersByEmail(db, tenantId, rows.map((r) => r.email));
    return rows.map((r): PlannedRow => {
      const us = find(r.email);
      const problem = twingateUserProblem(r.email, us);
      if (problem) return { plan: "error", error: problem };
      const u = us[0];
      const before = { userId: u.vendorId, role: u.role };
      const after = { userId: u.vendorId, role: r.role };
      return { plan: u.role === r.role ? "no_change" : "update", before, after };
    });
  },
  apply: async (ctx, rows) => {
    const client = bulkTwingateClient(ctx.db, ctx.tenantId, ctx.connection);
    const find = await twingateUsersByEmail(ctx.db, ctx.tenantId, rows.map((r) => r.email));
    return Promise.all(rows.map(async (r) => {
      const u = find(r.email)[0];
      if (!u) return { ok: false, message: "The user is not in the cache any more; sync Twingate and retry." };
      try {
        const user = await client.userRoleUpdate(u.vendorId, r.role);
        // The user as Twingate answered, written as the sync writes it (the users page does the same).
        await cacheWrite(ctx.db, ctx.tenantId, userTarget, user);
        return { ok: user.role === r.role, message: `Twingate: ${user.email} is ${user.role}.` };
      } catch (err) {
        return { ok: false, message: twingateMessage(err) };
      }
    }));
  },
  audit: {
    action: "twingate.user.role_changed",
    // Named by Twingate's user id, as the users page does: its undo reads the id from the target and the role from before.
    target: (r, p) => ({ type: "twingate_user", id: (p.before as { userId?: string } | null)?.userId ?? normEmail(r.email), label: r.email }),
    values: (_r, p) => ({ before: { role: (p.before as { role?: string } | null)?.role }, after: { role: (p.after as { role?: string } | null)?.role } }),
  },
});
