import { open } from "../crypto/secret-box";
import type { Db } from "../db/client";
import type { VendorId } from "./connection-fields";
import { connectionAad } from "./connection-record";

/** A vendor connection with its credentials opened: for server code that calls the vendor, never for the browser. */
export interface OpenConnection {
  tenantId: string;
  vendor: VendorId;
  baseUrl: string;
  settings: { domainName?: string | null; network?: string | null; orgId?: string | null };
  secrets: { apiKey?: string; clientId?: string; clientSecret?: string };
}

export async function loadConnection(db: Db, tenantId: string, vendor: VendorId): Promise<OpenConnection | null> {
  const row = await db.vendorConnection.findUnique({ where: { tenantId_vendor: { tenantId, vendor } } });
  if (!row) return null;
  return {
    tenantId,
    vendor,
    baseUrl: row.baseUrl,
    settings: (row.settings ?? {}) as OpenConnection["settings"],
    secrets: JSON.parse(open(row.credentials, connectionAad(tenantId, vendor))) as OpenConnection["secrets"],
  };
}
