import { z } from "zod";
import type { Db } from "../../db/client";
import { Upn, UPN_MAX } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { assigneeTarget } from "../../trugrid/targets";
import { clientsFor } from "../../vendors/clients";
import { VendorError } from "../../vendors/core/vendor-error";
import { defineOperation, type PlannedRow } from "../operation";

// TruGrid's Resource Assignments (addUserMachineAssignment), one row per
// (user or user group, machine or machine group) pair, as the assignments
// page creates them. TruGrid has no call that lists assignments, user
// groups or machine groups: the cache knows users (all of them) and the
// groups and machines seen in associations, and the console's own record of
// assignments is the audit log, which the assignments page shows.

const Row = z.object({
  assignee: z.string().trim().min(1, "userOrGroup is empty").max(UPN_MAX)
    .refine((v) => !v.includes("@") || Upn.safeParse(v).success, "Not a valid UPN (name@domain); a user group is named without @"),
  resource: z.string().trim().min(1, "machineOrGroup is empty").max(256),
});
type Row = z.infer<typeof Row>;

const lc = (s: string) => s.toLowerCase();
const isUpn = (key: string) => key.includes("@");

/** What the cache says of a machine or machine-group name: seen in an association, or not. */
async function knownResources(db: Db, tenantId: string, names: string[]) {
  const wanted = [...new Set(names.map(lc))];
  const rows = await db.$queryRaw<{ name: string; kind: "machine_group" | "machine" }[]>`
    SELECT DISTINCT lower(e."toId") AS name, 'machine_group' AS kind FROM "VendorEdge" e
    WHERE e."tenantId" = ${tenantId} AND e.vendor = 'trugrid' AND e.kind = 'machine_association' AND e."deletedAt" IS NULL AND lower(e."toId") = ANY(${wanted}::text[])
    UNION
    SELECT DISTINCT lower(e.attributes->>'machineName'), 'machine' FROM "VendorEdge" e
    WHERE e."tenantId" = ${tenantId} AND e.vendor = 'trugrid' AND e.kind = 'machine_association' AND e."deletedAt" IS NULL AND lower(e.attributes->>'machineName') = ANY(${wanted}::text[])`;
  return new Map(rows.map((r) => [r.name, r.kind]));
}

/** Pairs this console already assigned with TruGrid's "Success" (the assignments page's record), with when. */
async function recordedAssignments(db: Db, tenantId: string, keys: string[]) {
  const rows = await db.$queryRaw<{ key: string; target: string; at: Date }[]>`
    SELECT lower(a->>'key') AS key, lower(v) AS target, max(e.at) AS at
    FROM "AuditEvent" e,
      jsonb_array_elements(CASE WHEN jsonb_typeof(e.after->'assignments') = 'array' THEN e.after->'assignments' ELSE '[]'::jsonb END) a,
      jsonb_array_elements_text(CASE WHEN jsonb_typeof(a->'value') = 'array' THEN a->'value' ELSE '[]'::jsonb END) v
    WHERE e."tenantId" = ${tenantId} AND e.action = 'trugrid.assignment.created' AND e.outcome = 'success'
      AND lower(a->>'key') = ANY(${[...new Set(keys.map(lc))]}::text[])
      AND a->>'status' ILIKE 'Success%'
    GROUP BY 1, 2`;
  return new Map(rows.map((r) => [`${r.key}|${r.target}`, r.at]));
}

/**
 * TruGrid refuses a key given twice in one request, so rows of one chunk
 * that share a key go in separate rounds: each round is one request with
 * each key once, and every row gets TruGrid's status for its own pair.
 */
function rounds(rows: Row[]): number[][] {
  const out: number[][] = [];
  const used = new Map<string, number>();
  rows.forEach((r, i) => {
    const k = lc(r.assignee);
    const round = used.get(k) ?? 0;
    used.set(k, round + 1);
    (out[round] ??= []).push(i);
  });
  return out;
}

export const trugridAssignments = defineOperation<Row>({
  id: "trugrid.assignments", vendor: "trugrid", label: "TruGrid: add resource assignments",
  description: "Assigns, for each row, a machine or machine group to a user (UPN) or user group, as the Assignments page does: it adds to what they have, and TruGrid checks every name. TruGrid cannot list assignments, so no row is skipped as unchanged; the plan shows which pairs this console assigned before. TruGrid has no call to remove an assignment.",
  destructive: false, repeatable: true, perm: "trugrid.domain.write", chunkSize: 100,
  columns: [
    { field: "assignee", header: "userOrGroup", aliases: ["upn", "userupn", "user", "email", "usergroup", "user group", "key", "assignee"], required: true, example: "alice.smith@northwind.example", hint: "a UPN, or a user group's name" },
    { field: "resource", header: "machineOrGroup", aliases: ["machine", "machinename", "machinegroup", "machine group", "groupname", "resource", "value"], required: true, example: "Operations Workstations", hint: "a machine's or machine group's name" },
  ],
  row: Row,
  key: (r) => `${isUpn(r.assignee) ? normEmail(r.assignee) : lc(r.assignee)}|${lc(r.resource)}`,
  plan: async (db, tenantId, rows) => {
    const upns = rows.filter((r) => isUpn(r.assignee)).map((r) => normEmail(r.assignee));
    const [users, resources, recorded] = await Promise.all([
      db.trugridUser.findMany({ where: { tenantId, deletedAt: null, emailNorm: { in: upns } }, select: { emailNorm: true } }),
      knownResources(db, tenantId, rows.map((r) => r.resource)),
      recordedAssignments(db, tenantId, rows.map((r) => r.assignee)),
    ]);
    const knownUsers = new Set(users.map((u) => u.emailNorm));
    return rows.map((r): PlannedRow => {
      if (isUpn(r.assignee) && !knownUsers.has(normEmail(r.assignee))) {
        return { plan: "error", error: `Unknown UPN: ${r.assignee} is not a TruGrid user of this domain (as of the last sync).` };
      }
      const kind = resources.get(lc(r.resource));
      const at = recorded.get(`${lc(r.assignee)}|${lc(r.resource)}`);
      const after = {
        assignee: r.assignee, assigneeType: isUpn(r.assignee) ? "user" : "user group", resource: r.resource,
        // The cache knows groups and machines only from associations: an unseen name is TruGrid's to check.
        resourceType: kind === "machine_group" ? "machine group" : kind === "machine" ? "machine" : "not seen in the cache (TruGrid checks it)",
      };
      const before = at ? { ...after, assigned: `by this console on ${at.toISOString().slice(0, 10)}` } : null;
      return { plan: "create", before, after: { ...after, assigned: "yes" } };
    });
  },
  apply: async (ctx, rows) => {
    const client = clientsFor.trugrid(ctx.connection);
    const out = new Array<{ ok: boolean; message: string }>(rows.length);
    for (const idx of rounds(rows)) {
      try {
        const res = await client.addUserMachineAssignment(idx.map((i) => ({ key: rows[i].assignee, value: [rows[i].resource] })));
        res.forEach((r, k) => { out[idx[k]] = { ok: r.ok, message: r.status }; });
      } catch (err) {
        // Only this round's rows failed: earlier rounds of the chunk were applied and keep TruGrid's answer.
        if (!(err instanceof VendorError)) throw err;
        for (const i of idx) out[i] = { ok: false, message: err.vendorMessage + (err.status ? ` (HTTP ${err.status})` : "") };
      }
    }
    return out;
  },
  audit: {
    action: "trugrid.assignment.created",
    target: (r) => assigneeTarget(r.assignee, [r.resource]),
    // As the assignments page records it ({ assignments: [{ key, value, status }] }), so its history lists a bulk row too.
    values: (r, p, o) => ({ before: p.before, after: { assignments: [{ key: r.assignee, value: [r.resource], status: o.message }] } }),
    irreversible: "TruGrid has no call that removes an assignment.",
  },
});
