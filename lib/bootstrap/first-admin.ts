import { recordAudit } from "../audit/record";
import { generatePassword, hashPassword, verifyPassword } from "../crypto/password";
import type { Db } from "../db/client";

export const DEFAULT_ADMIN_EMAIL = "admin@helpdesk.local";

/**
 * The environment's admin is the deployment's own way back in: it holds
 * every tenant, so it can always manage the other admins (lib/staff/reach.ts).
 */
async function grantEveryTenant(db: Db, staffId: string) {
  const tenants = await db.tenant.findMany({ select: { id: true } });
  await db.staffTenant.createMany({ data: tenants.map((t) => ({ staffId, tenantId: t.id })), skipDuplicates: true });
}

export type FirstAdmin =
  | { kind: "created"; email: string; password: string; generated: boolean }
  | { kind: "reset-from-env"; email: string }
  | { kind: "existing"; admins: number };

/**
 * Makes sure someone can sign in. With CONSOLE_ADMIN_EMAIL and
 * CONSOLE_ADMIN_PASSWORD (automation), that account exists as an active admin
 * with that password. Otherwise, on an empty staff table only, an admin with a
 * random password is created; the password is returned to be printed once and
 * is stored only as a hash.
 */
export async function ensureFirstAdmin(db: Db, env: { email?: string; password?: string }): Promise<FirstAdmin> {
  if (env.email && env.password) {
    const email = env.email.trim().toLowerCase();
    const passwordHash = await hashPassword(env.password);
    const existing = await db.staffUser.findUnique({ where: { email } });
    if (existing) {
      // A new password ends the sessions signed in with the old one, as any reset does.
      const changed = !(await verifyPassword(env.password, existing.passwordHash));
      await db.staffUser.update({
        where: { id: existing.id },
        data: {
          passwordHash,
          role: "admin",
          disabled: false,
          ...(changed ? { sessionVersion: { increment: 1 } } : {}),
        },
      });
      await grantEveryTenant(db, existing.id);
      await recordAudit(db, {
        action: "staff.password_reset",
        actor: null,
        outcome: "success",
        targets: [{ type: "staff_user", id: existing.id, label: email }],
        after: { source: "CONSOLE_ADMIN_PASSWORD at start", role: "admin" },
      });
      return { kind: "reset-from-env", email };
    }
    const created = await db.staffUser.create({ data: { email, name: "Administrator", role: "admin", passwordHash } });
    await grantEveryTenant(db, created.id);
    await recordAudit(db, {
      action: "staff.created",
      actor: null,
      outcome: "success",
      targets: [{ type: "staff_user", id: created.id, label: email }],
      after: { email, role: "admin", source: "CONSOLE_ADMIN_EMAIL at start" },
    });
    return { kind: "created", email, password: env.password, generated: false };
  }

  const admins = await db.staffUser.count({ where: { role: "admin", disabled: false } });
  if (admins > 0 || (await db.staffUser.count()) > 0) return { kind: "existing", admins };
  const email = (env.email ?? DEFAULT_ADMIN_EMAIL).trim().toLowerCase();
  const password = generatePassword();
  const created = await db.staffUser.create({
    data: { email, name: "Administrator", role: "admin", passwordHash: await hashPassword(password) },
  });
  await recordAudit(db, {
    action: "staff.created",
    actor: null,
    outcome: "success",
    targets: [{ type: "staff_user", id: created.id, label: email }],
    after: { email, role: "admin", source: "first start" },
  });
  return { kind: "created", email, password, generated: true };
}
