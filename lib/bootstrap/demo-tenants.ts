import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import type { SimTenant } from "../../sim/fleet";
import type { VendorId } from "../vendors/connection-fields";
import { connectionRecord } from "../vendors/connection-record";

/**
 * Creates the demo tenants when missing (marked isDemo, so they never mix
 * with real ones), points their vendor connections at the running
 * simulators, and gives every active admin access to them. A real tenant
 * that happens to have a demo tenant's name is left alone.
 */
export async function seedDemoTenants(db: Db, simTenants: SimTenant[]): Promise<{ created: string[] }> {
  const created: string[] = [];
  const demoIds: string[] = [];
  for (const sim of simTenants) {
    let tenant = await db.tenant.findUnique({ where: { name: sim.tenantName } });
    if (tenant && !tenant.isDemo) continue;
    if (!tenant) {
      tenant = await db.tenant.create({ data: { name: sim.tenantName, isDemo: true } });
      created.push(sim.tenantName);
      await recordAudit(db, {
        action: "tenant.created", actor: null, outcome: "success", tenantId: tenant.id,
        targets: [{ type: "tenant", id: tenant.id, label: sim.tenantName }], after: { name: sim.tenantName, isDemo: true, source: "demo mode" },
      });
    }
    demoIds.push(tenant.id);
    for (const [vendor, c] of Object.entries(sim.connections) as [VendorId, Record<string, string>][]) {
      const { baseUrl, apiKey, clientId, clientSecret, ...settings } = c;
      const data = connectionRecord(tenant.id, vendor, baseUrl, { apiKey, clientId, clientSecret }, settings);
      // Simulator ports can change between starts; the demo connection follows them.
      await db.vendorConnection.upsert({
        where: { tenantId_vendor: { tenantId: tenant.id, vendor } },
        create: { tenantId: tenant.id, vendor, ...data },
        update: data,
      });
    }
  }
  const admins = await db.staffUser.findMany({ where: { role: "admin", disabled: false }, select: { id: true } });
  await db.staffTenant.createMany({
    data: admins.flatMap((a) => demoIds.map((tenantId) => ({ staffId: a.id, tenantId }))),
    skipDuplicates: true,
  });
  return { created };
}
