import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { assetUpns } from "../sync/truu/targets";
import type { Asset } from "../vendors/truu/schemas";

/**
 * After TruU confirmed deletes: the devices (and users) are marked deleted in
 * the cache at once, and the workstations they were enrolled on drop them,
 * exactly as the next sync would see it. Unchanged hashes make that sync
 * rewrite the asset rows without reporting a change nobody made outside.
 */
export async function markDeletedInCache(db: Db, tenantId: string, deviceIds: string[], userGuids: string[] = []) {
  const now = new Date();
  if (deviceIds.length) {
    await db.truuDevice.updateMany({
      where: { tenantId, vendorId: { in: deviceIds }, deletedAt: null },
      data: { deletedAt: now, syncedAt: now },
    });
  }
  if (userGuids.length) {
    await db.truuUser.updateMany({
      where: { tenantId, vendorId: { in: userGuids }, deletedAt: null },
      data: { deletedAt: now, syncedAt: now },
    });
  }
  if (!deviceIds.length) return;
  const gone = new Set(deviceIds);
  const assets = await db.$queryRaw<{ id: string; raw: Asset }[]>`
    SELECT "id", "raw" FROM "TruuAsset"
    WHERE "tenantId" = ${tenantId} AND "deletedAt" IS NULL
      AND jsonb_path_exists("raw", '$.devices[*].deviceId ? (@ == $ids[*])',
        jsonb_build_object('ids', ${JSON.stringify(deviceIds)}::jsonb))`;
  for (const a of assets) {
    const raw: Asset = { ...a.raw, devices: a.raw.devices.filter((d) => !gone.has(d.deviceId)) };
    await db.truuAsset.update({
      where: { id: a.id },
      data: { raw: raw as unknown as Prisma.InputJsonValue, upns: assetUpns(raw), syncedAt: now },
    });
  }
}
