// Not marked server-only: the offboarding runbook, which the job worker runs, names groups and systems too.
import type { Db } from "../../db/client";

/** Case-insensitive substring match, for the search boxes. */
export const contains = (q: string) => ({ contains: q, mode: "insensitive" as const });

export const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

export function splitNode(node: string) {
  const i = node.indexOf(":");
  return { type: node.slice(0, i), id: node.slice(i + 1) };
}

export async function namesOf(db: Db, tenantId: string, kind: "user_group" | "system_group", ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.vendorObject.findMany({
    where: { tenantId, vendor: "jumpcloud", kind, vendorId: { in: ids } },
    select: { vendorId: true, name: true },
  });
  return new Map(rows.map((r) => [r.vendorId, r.name ?? r.vendorId]));
}

/** Display names of graph nodes of any of the four kinds. */
export async function nodeNames(db: Db, tenantId: string, nodes: { type: string; id: string }[]) {
  const ids = (t: string) => nodes.filter((n) => n.type === t).map((n) => n.id);
  const [users, systems, ug, sg] = await Promise.all([
    ids("user").length
      ? db.jumpcloudUser.findMany({
          where: { tenantId, vendorId: { in: ids("user") } },
          select: { vendorId: true, email: true, username: true },
        })
      : [],
    ids("system").length
      ? db.jumpcloudSystem.findMany({
          where: { tenantId, vendorId: { in: ids("system") } },
          select: { vendorId: true, displayName: true, hostname: true },
        })
      : [],
    namesOf(db, tenantId, "user_group", ids("user_group")),
    namesOf(db, tenantId, "system_group", ids("system_group")),
  ]);
  const out = new Map<string, string>([...ug, ...sg]);
  for (const u of users) out.set(u.vendorId, u.email || u.username);
  for (const s of systems) out.set(s.vendorId, s.displayName || s.hostname || s.vendorId);
  return out;
}
