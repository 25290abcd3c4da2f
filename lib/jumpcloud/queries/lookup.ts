import "server-only";
import type { Db } from "../../db/client";
import { contains } from "./names";

export type LookupKind = "user" | "system" | "user_group" | "system_group";

/** Objects whose name, email or hostname contains q: for the pickers of the add forms. */
export async function lookup(
  db: Db,
  tenantId: string,
  kind: LookupKind,
  q: string,
  take = 20,
): Promise<{ id: string; label: string; detail: string }[]> {
  if (kind === "user") {
    const rows = await db.jumpcloudUser.findMany({
      where: {
        tenantId,
        deletedAt: null,
        ...(q ? { OR: [{ email: contains(q) }, { username: contains(q) }, { displayname: contains(q) }] } : {}),
      },
      orderBy: { emailNorm: "asc" },
      take,
      select: { vendorId: true, email: true, username: true, displayname: true },
    });
    return rows.map((r) => ({ id: r.vendorId, label: r.email || r.username, detail: r.displayname ?? r.username }));
  }
  if (kind === "system") {
    const rows = await db.jumpcloudSystem.findMany({
      where: {
        tenantId,
        deletedAt: null,
        ...(q ? { OR: [{ displayName: contains(q) }, { hostname: contains(q) }, { serialNumber: contains(q) }] } : {}),
      },
      orderBy: { displayName: "asc" },
      take,
      select: { vendorId: true, displayName: true, hostname: true, os: true },
    });
    return rows.map((r) => ({ id: r.vendorId, label: r.displayName || r.hostname || r.vendorId, detail: r.os ?? "" }));
  }
  const rows = await db.vendorObject.findMany({
    where: { tenantId, vendor: "jumpcloud", kind, deletedAt: null, ...(q ? { name: contains(q) } : {}) },
    orderBy: { name: "asc" },
    take,
    select: { vendorId: true, name: true },
  });
  return rows.map((r) => ({ id: r.vendorId, label: r.name ?? r.vendorId, detail: "" }));
}
