import type { Db } from "../db/client";

/** The domain's IP allow-list and external DNS names as last read from TruGrid, by name, and when that was. */
export async function allowListValues(db: Db, tenantId: string) {
  const rows = await db.vendorObject.findMany({
    where: { tenantId, vendor: "trugrid", kind: { in: ["allowed_ip", "external_dns"] }, deletedAt: null },
    orderBy: { name: "asc" },
    select: { kind: true, name: true, syncedAt: true },
  });
  const values = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.name ?? "");
  const readAt = rows.reduce<Date | null>((m, r) => (!m || r.syncedAt > m ? r.syncedAt : m), null);
  return { ips: values("allowed_ip"), dns: values("external_dns"), readAt };
}
