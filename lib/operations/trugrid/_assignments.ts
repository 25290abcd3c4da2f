import type { Db } from "../../db/client";
import type { CacheContext } from "../operation";

// What the cache and the audit log know of TruGrid's Resource Assignments.
// TruGrid has no call that lists assignments, user groups or machine
// groups: the cache knows users (all of them) and the groups and machines
// seen in associations, and the console's own record of assignments is the
// audit log, which the assignments page shows.

const lc = (s: string) => s.toLowerCase();

/** What the cache says of a machine or machine-group name: seen in an association, or not. */
export async function knownResources(db: Db, tenantId: string, names: string[]) {
  const wanted = [...new Set(names.map(lc))];
  const rows = await db.$queryRaw<{ name: string; kind: "machine_group" | "machine" }[]>`
    SELECT DISTINCT lower(e."toId") AS name, 'machine_group' AS kind FROM "VendorEdge" e
    WHERE e."tenantId" = ${tenantId} AND e.vendor = 'trugrid' AND e.kind = 'machine_association'
      AND e."deletedAt" IS NULL AND lower(e."toId") = ANY(${wanted}::text[])
    UNION
    SELECT DISTINCT lower(e.attributes->>'machineName'), 'machine' FROM "VendorEdge" e
    WHERE e."tenantId" = ${tenantId} AND e.vendor = 'trugrid' AND e.kind = 'machine_association'
      AND e."deletedAt" IS NULL AND lower(e.attributes->>'machineName') = ANY(${wanted}::text[])`;
  return new Map(rows.map((r) => [r.name, r.kind]));
}

/** The names (lower-cased) of those given that the cache has seen as a machine, or as a machine group. */
export const knownAs = (kind: "machine" | "machine_group") => async (ctx: CacheContext, names: string[]) => {
  const found = await knownResources(ctx.db, ctx.tenantId, names);
  return new Set([...found].filter(([, k]) => k === kind).map(([name]) => name));
};

/** How a plan and an event say a pair was assigned already (TruGrid cannot be asked). */
export const assignedOn = (at: Date) => `by this console on ${at.toISOString().slice(0, 10)}`;

/**
 * Pairs this console already assigned with TruGrid's "Success", with when:
 * the events of trugrid.assignment.created (the page's and a bulk row's,
 * which record the same `{ assignments: [{ key, value, status }] }`).
 */
export async function recordedAssignments(db: Db, tenantId: string, keys: string[]) {
  const rows = await db.$queryRaw<{ key: string; target: string; at: Date }[]>`
    SELECT lower(a->>'key') AS key, lower(v) AS target, max(e.at) AS at
    FROM "AuditEvent" e,
      jsonb_array_elements(CASE WHEN jsonb_typeof(e.after->'assignments') = 'array'
        THEN e.after->'assignments' ELSE '[]'::jsonb END) a,
      jsonb_array_elements_text(CASE WHEN jsonb_typeof(a->'value') = 'array' THEN a->'value' ELSE '[]'::jsonb END) v
    WHERE e."tenantId" = ${tenantId} AND e.action = 'trugrid.assignment.created' AND e.outcome = 'success'
      AND lower(a->>'key') = ANY(${[...new Set(keys.map(lc))]}::text[])
      AND a->>'status' ILIKE 'Success%'
    GROUP BY 1, 2`;
  return new Map(rows.map((r) => [`${r.key}|${r.target}`, r.at]));
}

/**
 * TruGrid refuses a key given twice in one request, so items of one chunk
 * that share a key go in separate rounds: each round is one request with
 * each key once, and every item gets TruGrid's status for its own pair.
 */
export function rounds(keys: string[]): number[][] {
  const out: number[][] = [];
  const used = new Map<string, number>();
  keys.forEach((key, i) => {
    const k = lc(key);
    const round = used.get(k) ?? 0;
    used.set(k, round + 1);
    out[round] = [...(out[round] ?? []), i];
  });
  return out;
}
