import type { Db } from "../db/client";
import type { AccessGrant } from "../sync/twingate/documents";
import { accessGrant } from "../sync/twingate/documents";
import { resourceAccessTarget, resourceTarget } from "../sync/twingate/targets";
import type { ResourceDetail } from "../vendors/twingate/schemas";
import { cacheWrite } from "./cache";

/**
 * A resource as a mutation returned it (with its access), written to the
 * cache as the sync would: the resource row, its grants, and grants no
 * longer listed marked deleted (only when the answer held all of them).
 */
export async function cacheResourceDetail(db: Db, tenantId: string, detail: ResourceDetail): Promise<void> {
  const { access, ...resource } = detail;
  await cacheWrite(db, tenantId, resourceTarget, resource);
  const grants = access.edges.map((e) => accessGrant(detail.id, e));
  for (const g of grants) await cacheWrite(db, tenantId, resourceAccessTarget, g);
  if (!access.pageInfo.hasNextPage) {
    await db.vendorEdge.updateMany({
      where: {
        tenantId,
        vendor: "twingate",
        kind: "resource_access",
        fromId: detail.id,
        deletedAt: null,
        toId: { notIn: grants.map((g) => g.principal.id) },
      },
      data: { deletedAt: new Date() },
    });
  }
}

/** The cached grants a principal (group or service account) holds, as the sync stored them. */
export async function cachedGrantsOf(db: Db, tenantId: string, principalId: string): Promise<AccessGrant[]> {
  const rows = await db.vendorEdge.findMany({
    where: { tenantId, vendor: "twingate", kind: "resource_access", toId: principalId, deletedAt: null },
  });
  return rows.map((r) => r.raw as unknown as AccessGrant);
}

/** The cached grants on one resource. */
export async function cachedGrantsOn(db: Db, tenantId: string, resourceId: string): Promise<AccessGrant[]> {
  const rows = await db.vendorEdge.findMany({
    where: { tenantId, vendor: "twingate", kind: "resource_access", fromId: resourceId, deletedAt: null },
  });
  return rows.map((r) => r.raw as unknown as AccessGrant);
}

export async function cacheDeleteGrants(
  db: Db,
  tenantId: string,
  where: { resourceId?: string; principalId?: string; resourceIds?: string[] },
) {
  await db.vendorEdge.updateMany({
    where: {
      tenantId,
      vendor: "twingate",
      kind: "resource_access",
      deletedAt: null,
      ...(where.resourceId ? { fromId: where.resourceId } : {}),
      ...(where.resourceIds ? { fromId: { in: where.resourceIds } } : {}),
      ...(where.principalId ? { toId: where.principalId } : {}),
    },
    data: { deletedAt: new Date() },
  });
}
