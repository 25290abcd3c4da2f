import type { Db } from "../db/client";

/**
 * Twingate's ids are base64 of "Kind:id" (VXNlcjox… is User:1); JumpCloud's are 24 hex digits. Events and plans keep
 * them (an undo needs them); what a person reads shows the cached name instead.
 */
const TWINGATE_ID = /^[A-Za-z0-9+/]{8,}={0,2}$/;
const TWINGATE_DECODED = /^[A-Z][A-Za-z]+:[^\s:]+$/;
const JUMPCLOUD_ID = /^[0-9a-f]{24}$/;

export function isVendorId(s: string): boolean {
  if (JUMPCLOUD_ID.test(s)) return true;
  if (!TWINGATE_ID.test(s) || s.length % 4 !== 0) return false;
  const decoded = Buffer.from(s, "base64").toString("utf8");
  return TWINGATE_DECODED.test(decoded) && Buffer.from(decoded, "utf8").toString("base64") === s;
}

/** The vendor ids in values (as strings, or as object keys), at any depth. */
export function vendorIdsIn(values: unknown[]): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, depth: number) => {
    if (depth > 12) return;
    if (typeof v === "string") {
      if (isVendorId(v)) out.add(v);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (isVendorId(k)) out.add(k);
        walk(x, depth + 1);
      }
    }
  };
  for (const v of values) walk(v, 0);
  return out;
}

const MAX_LOOKUP = 2000;

/** Names for vendor ids from the tenant's cache: groups, resources and the like, users, devices and systems. */
export async function loadValueNames(db: Db, tenantId: string, ids: Iterable<string>): Promise<Map<string, string>> {
  const list = [...ids].slice(0, MAX_LOOKUP);
  const names = new Map<string, string>();
  if (list.length === 0) return names;
  const where = { tenantId, vendorId: { in: list } };
  const [objects, tgUsers, tgDevices, jcUsers, jcSystems] = await Promise.all([
    db.vendorObject.findMany({ where, select: { vendorId: true, name: true } }),
    db.twingateUser.findMany({ where, select: { vendorId: true, email: true } }),
    db.twingateDevice.findMany({ where, select: { vendorId: true, name: true, hostname: true } }),
    db.jumpcloudUser.findMany({ where, select: { vendorId: true, username: true, email: true } }),
    db.jumpcloudSystem.findMany({ where, select: { vendorId: true, displayName: true, hostname: true } }),
  ]);
  for (const o of objects) if (o.name) names.set(o.vendorId, o.name);
  for (const u of tgUsers) names.set(u.vendorId, u.email);
  for (const d of tgDevices) if (d.name ?? d.hostname) names.set(d.vendorId, (d.name ?? d.hostname) as string);
  for (const u of jcUsers) names.set(u.vendorId, u.email || u.username);
  for (const s of jcSystems)
    if (s.displayName ?? s.hostname) names.set(s.vendorId, (s.displayName ?? s.hostname) as string);
  return names;
}

/** A copy of a value with each known vendor id (as a string or an object key) replaced by its name. */
export function withNames(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (names.size === 0) return value;
  if (typeof value === "string") return names.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => withNames(v, names));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [names.get(k) ?? k, withNames(v, names)]));
  return value;
}

/** Events' (or plan rows') before and after with names for ids, each tenant's ids looked up in its own cache. */
export async function namedValues<T extends { tenantId: string | null; before: unknown; after: unknown }>(
  db: Db,
  rows: T[],
): Promise<T[]> {
  const byTenant = new Map<string, T[]>();
  for (const r of rows) {
    if (!r.tenantId) continue;
    const list = byTenant.get(r.tenantId);
    if (list) list.push(r);
    else byTenant.set(r.tenantId, [r]);
  }
  const names = new Map<string, Map<string, string>>();
  for (const [tenantId, list] of byTenant) {
    const ids = vendorIdsIn(list.flatMap((r) => [r.before, r.after]));
    names.set(tenantId, await loadValueNames(db, tenantId, ids));
  }
  return rows.map((r) => {
    const known = r.tenantId ? names.get(r.tenantId) : undefined;
    return known?.size ? { ...r, before: withNames(r.before, known), after: withNames(r.after, known) } : r;
  });
}
