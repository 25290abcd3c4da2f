import type { Role } from "../lib/auth/permissions";
import { loadStaff, type Staff } from "../lib/auth/staff";
import { hashPassword } from "../lib/crypto/password";
import type { Db } from "../lib/db/client";

let counter = 0;

export async function makeTenant(db: Db, name = `Tenant ${++counter}`) {
  return db.tenant.create({ data: { name } });
}

export async function makeStaff(
  db: Db,
  opts: { role: Role; tenantIds?: string[]; password?: string; email?: string },
): Promise<Staff> {
  const email = opts.email ?? `${opts.role}${++counter}@example.com`;
  const row = await db.staffUser.create({
    data: {
      email,
      name: `${opts.role} ${counter}`,
      role: opts.role,
      passwordHash: await hashPassword(opts.password ?? "correct horse battery"),
      tenants: { create: (opts.tenantIds ?? []).map((tenantId) => ({ tenantId })) },
    },
  });
  return (await loadStaff(db, row.id))!;
}

/**
 * Two tenants and staff of the first only, for access tests: a request naming
 * tenant B (or an object of it) must be refused as "not found".
 */
export async function makeTwoTenants(db: Db, prefix: string) {
  const summary = (x: { id: string; name: string; isDemo: boolean; requireChangeReason: boolean }) => ({
    id: x.id,
    name: x.name,
    isDemo: x.isDemo,
    requireChangeReason: x.requireChangeReason,
  });
  const tenantA = summary(await makeTenant(db, `${prefix} A`));
  const tenantB = summary(await makeTenant(db, `${prefix} B`));
  const staffOfA = (role: Role) => makeStaff(db, { role, tenantIds: [tenantA.id] });
  return { tenantA, tenantB, viewer: await staffOfA("viewer"), operator: await staffOfA("operator") };
}
