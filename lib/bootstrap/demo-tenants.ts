import type { SimTenant } from "../../sim/fleet";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { allTenantAdminIds } from "../staff/guards";
import type { VendorId } from "../vendors/connection-fields";
import { connectionRecord } from "../vendors/connection-record";

/**
 * Creates the demo tenants when missing (marked isDemo, so they never mix
 * with real ones), points their vendor connections at the running
 * simulators, and gives them to every active admin that held every tenant. A real tenant
 * that happens to have a demo tenant's name is left alone.
 */
export async function seedDemoTenants(db: Db, simTenants: SimTenant[]): Promise<{ created: string[] }> {
  const created: string[] = [];
  const demoIds: string[] = [];
  // Read before any demo tenant is made: those who held every tenant keep doing so. Nobody
  // else is given one (a tenant-scoped admin would otherwise gain tenants at each start).
  const admins = await allTenantAdminIds(db);
  for (const sim of simTenants) {
    let tenant = await db.tenant.findUnique({ where: { name: sim.tenantName } });
    if (tenant && !tenant.isDemo) continue;
    if (!tenant) {
      tenant = await db.tenant.create({ data: { name: sim.tenantName, isDemo: true } });
      created.push(sim.tenantName);
      await recordAudit(db, {
        action: "tenant.created",
        actor: null,
        outcome: "success",
        tenantId: tenant.id,
        targets: [{ type: "tenant", id: tenant.id, label: sim.tenantName }],
        after: { name: sim.tenantName, isDemo: true, source: "demo mode" },
      });
    }
    demoIds.push(tenant.id);
    for (const [vendor, c] of Object.entries(sim.connections) as [
      VendorId,
      { baseUrl: string } & Record<string, string>,
    ][]) {
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
  await db.staffTenant.createMany({
    data: admins.flatMap((staffId) => demoIds.map((tenantId) => ({ staffId, tenantId }))),
    skipDuplicates: true,
  });
  return { created };
}
