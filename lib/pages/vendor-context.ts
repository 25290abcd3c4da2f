import { allows } from "../auth/permissions";
import type { Staff, TenantSummary } from "../auth/staff";
import type { Db } from "../db/client";
import { type ConnectionView, connectionOf } from "../tenants/connections";
import { type VendorPermission, vendorPermissions } from "../vendors/areas";
import type { VendorId } from "../vendors/connection-fields";

/** What a vendor page knows beside its page context (see vendorPage). */
export interface VendorContext<V extends VendorId> {
  /** The tenant's connection to the vendor as the browser may see it (never the credentials); null without one. */
  connection: ConnectionView | null;
  /** Whether the role holds each of the vendor's permissions: pages show only the controls the actions allow. */
  may: Record<VendorPermission<V>, boolean>;
}

/** The vendor's part of a vendor page's context, for a staff user and tenant pageContext() has already checked. */
export async function vendorContext<V extends VendorId>(
  db: Db,
  { staff, tenant }: { staff: Staff; tenant: TenantSummary | null },
  vendor: V,
): Promise<VendorContext<V>> {
  const may = Object.fromEntries(vendorPermissions(vendor).map((p) => [p, allows(staff, p)]));
  return {
    connection: tenant ? await connectionOf(db, tenant.id, vendor) : null,
    may: may as Record<VendorPermission<V>, boolean>,
  };
}
