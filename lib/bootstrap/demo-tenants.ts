import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";

/** The demo tenants a fresh console shows; marked isDemo so they never mix with real ones. */
export const DEMO_TENANTS = ["Northwind Traders", "Contoso Dental Group", "Fabrikam Logistics"] as const;

/**
 * Creates the demo tenants when missing and gives every active admin access
 * to them. Idempotent: a second start changes nothing.
 */
export async function seedDemoTenants(db: Db): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const name of DEMO_TENANTS) {
    const existing = await db.tenant.findUnique({ where: { name } });
    if (existing && !existing.isDemo) continue; // a real tenant of that name wins; never touch it
    if (existing) continue;
    const tenant = await db.tenant.create({ data: { name, isDemo: true } });
    created.push(name);
    await recordAudit(db, {
      action: "tenant.created", actor: null, outcome: "success", tenantId: tenant.id,
      targets: [{ type: "tenant", id: tenant.id, label: name }], after: { name, isDemo: true, source: "demo mode" },
    });
  }
  const [admins, demos] = await Promise.all([
    db.staffUser.findMany({ where: { role: "admin", disabled: false }, select: { id: true } }),
    db.tenant.findMany({ where: { isDemo: true }, select: { id: true } }),
  ]);
  await db.staffTenant.createMany({
    data: admins.flatMap((a) => demos.map((t) => ({ staffId: a.id, tenantId: t.id }))),
    skipDuplicates: true,
  });
  return { created };
}
