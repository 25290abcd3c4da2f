import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import type { SyncTarget } from "../sync/target";
import { machineAssociationTarget, userTarget } from "../sync/trugrid/targets";
import type { MachineAssociation, UserLogonIp } from "../vendors/trugrid";

// After a change TruGrid accepted, the cache rows are written at once in
// exactly the shape the sync writes (same columns, raw and hash, from the
// sync's own targets), so the next sync finds nothing to report as drift.

function rowOf<T>(target: SyncTarget<T>, item: T) {
  const values = target.columns.map((c) => {
    const v = c.value(item);
    if (v === null || v === undefined) return null;
    return c.type === "jsonb" || c.type === "text[]" ? JSON.stringify(v) : String(v);
  });
  const raw = JSON.stringify(target.raw ? target.raw(item) : item);
  const hash = createHash("sha1").update(JSON.stringify(values)).update("\n").update(raw).digest("hex");
  return { vendorId: target.vendorId(item), raw: JSON.parse(raw) as object, hash };
}

/** A user's slot in a machine group now holds this machine. */
export async function upsertAssociation(db: Db, tenantId: string, a: MachineAssociation) {
  const item: MachineAssociation = { userUpn: a.userUpn, groupName: a.groupName, machineName: a.machineName };
  const { vendorId, raw, hash } = rowOf(machineAssociationTarget, item);
  const data = {
    fromId: item.userUpn,
    toId: item.groupName,
    attributes: { groupName: item.groupName, machineName: item.machineName },
    raw,
    hash,
    syncedAt: new Date(),
    deletedAt: null,
  };
  await db.vendorEdge.upsert({
    where: { tenantId_vendor_kind_vendorId: { tenantId, vendor: "trugrid", kind: "machine_association", vendorId } },
    create: { tenantId, vendor: "trugrid", kind: "machine_association", vendorId, ...data },
    update: data,
  });
}

/** Machine associations of these groups (or of the whole domain) were cleared at the vendor. */
export async function clearAssociations(db: Db, tenantId: string, groupNames: string[] | "all") {
  const where = { tenantId, vendor: "trugrid" as const, kind: "machine_association", deletedAt: null };
  const groups =
    groupNames === "all" ? undefined : groupNames.map((g) => ({ toId: { equals: g, mode: "insensitive" as const } }));
  const res = await db.vendorEdge.updateMany({
    where: groups ? { ...where, OR: groups } : where,
    data: { deletedAt: new Date(), syncedAt: new Date() },
  });
  return res.count;
}

/** Fresh logon IPs from a look-up. */
export async function upsertLogonIps(db: Db, tenantId: string, users: UserLogonIp[]) {
  for (const u of users) {
    const item: UserLogonIp = { upn: u.upn, web: u.web, desktop: u.desktop, mobile: u.mobile };
    const { vendorId, raw, hash } = rowOf(userTarget, item);
    const data = {
      upn: item.upn,
      emailNorm: item.upn.trim().toLowerCase(),
      webIp: item.web,
      desktopIp: item.desktop,
      mobileIp: item.mobile,
      raw,
      hash,
      syncedAt: new Date(),
      deletedAt: null,
    };
    await db.trugridUser.upsert({
      where: { tenantId_vendorId: { tenantId, vendorId } },
      create: { tenantId, vendorId, ...data },
      update: data,
    });
  }
}

/**
 * A whole list TruGrid returned (IP allow-list or external DNS): entries it
 * listed are live, the others are marked deleted, as the sync does.
 */
export async function replaceValues(db: Db, tenantId: string, target: SyncTarget<string>, values: string[]) {
  if (!("kind" in target)) throw new Error("not a VendorObject target");
  const kind = target.kind;
  const now = new Date();
  for (const v of new Set(values)) {
    const { vendorId, raw, hash } = rowOf(target, v);
    const data = { name: v, raw, hash, syncedAt: now, deletedAt: null };
    await db.vendorObject.upsert({
      where: { tenantId_vendor_kind_vendorId: { tenantId, vendor: "trugrid", kind, vendorId } },
      create: { tenantId, vendor: "trugrid", kind, vendorId, ...data },
      update: data,
    });
  }
  await db.vendorObject.updateMany({
    where: { tenantId, vendor: "trugrid", kind, deletedAt: null, vendorId: { notIn: [...new Set(values)] } },
    data: { deletedAt: now, syncedAt: now },
  });
}
