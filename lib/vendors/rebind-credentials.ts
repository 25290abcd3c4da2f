import { seal, tryOpen } from "../crypto/secret-box";
import type { Db } from "../db/client";
import type { VendorId } from "./connection-fields";
import { connectionAad, legacyConnectionAad, openConnectionSecrets } from "./connection-record";

/**
 * Seals credentials stored before their target (base URL and vendor
 * account) was part of their binding again, bound to the target they have
 * now. Run at start, before anything reads them; a row that opens neither
 * way (another key) is left as it is and reported, and loadConnection
 * refuses to use it.
 */
export async function rebindLegacyCredentials(db: Db): Promise<{ rebound: number; unreadable: number }> {
  let rebound = 0;
  let unreadable = 0;
  const rows = await db.vendorConnection.findMany({
    select: { id: true, tenantId: true, vendor: true, baseUrl: true, settings: true, credentials: true },
  });
  for (const row of rows) {
    const vendor = row.vendor as VendorId;
    if (openConnectionSecrets(row.tenantId, vendor, row)) continue;
    const plain = tryOpen(row.credentials, legacyConnectionAad(row.tenantId, vendor));
    if (plain === null) {
      unreadable++;
      continue;
    }
    const credentials = seal(plain, connectionAad(row.tenantId, vendor, row));
    // Only if nobody saved the row meanwhile (a save seals with the new binding itself).
    const { count } = await db.vendorConnection.updateMany({
      where: { id: row.id, credentials: row.credentials },
      data: { credentials },
    });
    rebound += count;
  }
  return { rebound, unreadable };
}
