import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { SqlType, SyncTarget } from "../sync/target";

type Tx = Db | Prisma.TransactionClient;

// After a change at Twingate the console writes the affected cache rows at
// once, the way the sync's TargetWriter would (same columns, same content
// hash), so the page shows the change now and the next sync finds nothing
// to report as drift.

function toText(type: SqlType, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (type === "jsonb" || type === "text[]") return JSON.stringify(v);
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

function toColumn(type: SqlType, v: unknown): unknown {
  if (v === null || v === undefined) return type === "jsonb" ? Prisma.DbNull : null;
  if (type === "timestamptz") return new Date(String(v));
  return v;
}

/** The row the sync would write for one item: column values, raw and hash. */
export function cacheRow<T>(target: SyncTarget<T>, item: T) {
  const texts = target.columns.map((c) => toText(c.type, c.value(item)));
  const rawText = JSON.stringify(target.raw ? target.raw(item) : item);
  const hash = createHash("sha1").update(JSON.stringify(texts)).update("\n").update(rawText).digest("hex");
  const columns = Object.fromEntries(target.columns.map((c) => [c.name, toColumn(c.type, c.value(item))]));
  return { vendorId: target.vendorId(item), columns, raw: JSON.parse(rawText) as Prisma.InputJsonValue, hash };
}

/** Upserts the cache row of one item, live again if it was marked deleted. */
export async function cacheWrite<T>(db: Tx, tenantId: string, target: SyncTarget<T>, item: T): Promise<void> {
  const row = cacheRow(target, item);
  const data = { ...row.columns, raw: row.raw, hash: row.hash, syncedAt: new Date(), deletedAt: null };
  switch (target.table) {
    case "TwingateUser":
      await db.twingateUser.upsert({
        where: { tenantId_vendorId: { tenantId, vendorId: row.vendorId } },
        create: { tenantId, vendorId: row.vendorId, ...data } as Prisma.TwingateUserUncheckedCreateInput,
        update: data as Prisma.TwingateUserUncheckedUpdateInput,
      });
      return;
    case "TwingateDevice":
      await db.twingateDevice.upsert({
        where: { tenantId_vendorId: { tenantId, vendorId: row.vendorId } },
        create: { tenantId, vendorId: row.vendorId, ...data } as Prisma.TwingateDeviceUncheckedCreateInput,
        update: data as Prisma.TwingateDeviceUncheckedUpdateInput,
      });
      return;
    case "VendorObject":
      await db.vendorObject.upsert({
        where: {
          tenantId_vendor_kind_vendorId: { tenantId, vendor: "twingate", kind: target.kind, vendorId: row.vendorId },
        },
        create: {
          tenantId,
          vendor: "twingate",
          kind: target.kind,
          vendorId: row.vendorId,
          ...data,
        } as Prisma.VendorObjectUncheckedCreateInput,
        update: data as Prisma.VendorObjectUncheckedUpdateInput,
      });
      return;
    case "VendorEdge":
      await db.vendorEdge.upsert({
        where: {
          tenantId_vendor_kind_vendorId: { tenantId, vendor: "twingate", kind: target.kind, vendorId: row.vendorId },
        },
        create: {
          tenantId,
          vendor: "twingate",
          kind: target.kind,
          vendorId: row.vendorId,
          ...data,
        } as Prisma.VendorEdgeUncheckedCreateInput,
        update: data as Prisma.VendorEdgeUncheckedUpdateInput,
      });
      return;
    default:
      throw new Error(`the Twingate console does not write ${target.table}`);
  }
}

/** Marks cache rows deleted, as the sync does for what the vendor no longer lists. */
export async function cacheDelete(
  db: Tx,
  tenantId: string,
  target: SyncTarget<never>,
  vendorIds: string[],
): Promise<void> {
  if (!vendorIds.length) return;
  const now = new Date();
  const where = { tenantId, vendorId: { in: vendorIds }, deletedAt: null };
  switch (target.table) {
    case "TwingateUser":
      await db.twingateUser.updateMany({ where, data: { deletedAt: now } });
      return;
    case "TwingateDevice":
      await db.twingateDevice.updateMany({ where, data: { deletedAt: now } });
      return;
    case "VendorObject":
      await db.vendorObject.updateMany({
        where: { ...where, vendor: "twingate", kind: target.kind },
        data: { deletedAt: now },
      });
      return;
    case "VendorEdge":
      await db.vendorEdge.updateMany({
        where: { ...where, vendor: "twingate", kind: target.kind },
        data: { deletedAt: now },
      });
      return;
    default:
      throw new Error(`the Twingate console does not write ${target.table}`);
  }
}
