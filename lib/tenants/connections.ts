import "server-only";
import type { Staff } from "../auth/staff";
import { db } from "../db";
import type { Db } from "../db/client";
import type { VendorId } from "../vendors/connection-fields";

/** A connection as the browser may see it: never the sealed credentials, only their masked hint. */
export interface ConnectionView {
  vendor: VendorId;
  baseUrl: string;
  settings: Record<string, string | null>;
  credentialsHint: string;
  updatedAt: Date;
}

const VIEW = { vendor: true, baseUrl: true, settings: true, credentialsHint: true, updatedAt: true } as const;

const viewOf = (r: Omit<ConnectionView, "settings"> & { settings: unknown }): ConnectionView => ({
  ...r,
  settings: (r.settings ?? {}) as Record<string, string | null>,
});

export async function connectionsOf(staff: Staff, tenantId: string): Promise<ConnectionView[]> {
  if (!staff.tenantIds.includes(tenantId)) return [];
  const rows = await db().vendorConnection.findMany({ where: { tenantId }, select: VIEW, orderBy: { vendor: "asc" } });
  return rows.map(viewOf);
}

/** One vendor's connection of a tenant the caller has already scoped, or null when it has none. */
export async function connectionOf(db: Db, tenantId: string, vendor: VendorId): Promise<ConnectionView | null> {
  const row = await db.vendorConnection.findUnique({ where: { tenantId_vendor: { tenantId, vendor } }, select: VIEW });
  return row ? viewOf(row) : null;
}
