import type { VendorId } from "../vendors/connection-fields";
import type { CacheContext } from "./operation";

/**
 * The cached objects of one kind a sheet names, by name as a person types it
 * (any case); the caller tells one from several of the same name.
 */
export function cachedObjectsNamed(ctx: CacheContext, vendor: VendorId, kind: string, names: string[]) {
  return ctx.db.vendorObject.findMany({
    where: {
      tenantId: ctx.tenantId,
      vendor,
      kind,
      deletedAt: null,
      name: { in: [...new Set(names)], mode: "insensitive" },
    },
    select: { vendorId: true, name: true },
  });
}
