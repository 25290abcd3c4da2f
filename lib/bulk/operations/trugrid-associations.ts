import { z } from "zod";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import { associationAfter, associationBefore, associationTarget } from "../../trugrid/association-audit";
import { upsertAssociation } from "../../trugrid/cache";
import { clientsFor } from "../../vendors/clients";
import { UPN_ALIASES } from "../headers";
import { defineOperation, type PlannedRow } from "../operation";

const Row = z.object({
  userUpn: Upn,
  groupName: z.string().min(1, "groupName is empty").max(256),
  machineName: z.string().min(1, "machineName is empty").max(256),
});
type Row = z.infer<typeof Row>;

const lc = (s: string) => s.toLowerCase();
type Edge = { fromId: string; toId: string; attributes: unknown };
const machineOf = (e: Edge) => (e.attributes as { machineName?: string } | null)?.machineName ?? null;

/**
 * TruGrid keeps one machine per user per machine group; setting one replaces
 * the old. Groups and machines are known from the cached associations (TruGrid
 * has no call that lists them), users from the cached user list.
 */
export const trugridSetAssociations = defineOperation<Row>({
  id: "trugrid.machine_associations", vendor: "trugrid", label: "TruGrid: set machine associations",
  description: "Sets, for each row, the machine a user connects to in a machine group; it replaces the user's current machine in that group.",
  destructive: false, repeatable: true, chunkSize: 100,
  columns: [
    { field: "userUpn", header: "userUpn", aliases: UPN_ALIASES, required: true, example: "alice.smith@northwind.example" },
    { field: "groupName", header: "groupName", aliases: ["group", "machine group", "machinegroup"], required: true, example: "Operations Workstations" },
    { field: "machineName", header: "machineName", aliases: ["machine", "computer", "computername", "hostname"], required: true, example: "NW-MBP-0017" },
  ],
  row: Row,
  key: (r) => `${normEmail(r.userUpn)}|${lc(r.groupName)}`,
  plan: async (db, tenantId, rows) => {
    const [users, edges] = await Promise.all([
      db.trugridUser.findMany({ where: { tenantId, deletedAt: null, emailNorm: { in: rows.map((r) => normEmail(r.userUpn)) } }, select: { emailNorm: true } }),
      db.vendorEdge.findMany({ where: { tenantId, vendor: "trugrid", kind: "machine_association", deletedAt: null }, select: { fromId: true, toId: true, attributes: true } }),
    ]);
    const knownUsers = new Set(users.map((u) => u.emailNorm));
    const machinesByGroup = new Map<string, Set<string>>();
    const current = new Map<string, string | null>();
    for (const e of edges) {
      const m = machineOf(e);
      if (!machinesByGroup.has(lc(e.toId))) machinesByGroup.set(lc(e.toId), new Set());
      if (m) machinesByGroup.get(lc(e.toId))!.add(lc(m));
      current.set(`${normEmail(e.fromId)}|${lc(e.toId)}`, m);
    }
    return rows.map((r): PlannedRow => {
      if (!knownUsers.has(normEmail(r.userUpn))) return { plan: "error", error: `Unknown UPN: ${r.userUpn} is not a TruGrid user of this domain (as of the last sync).` };
      const machines = machinesByGroup.get(lc(r.groupName));
      if (!machines) return { plan: "error", error: `Unknown machine group: ${r.groupName} (no association of it in the last sync).` };
      if (!machines.has(lc(r.machineName))) return { plan: "error", error: `Unknown machine: ${r.machineName} is not a machine of ${r.groupName} (as of the last sync).` };
      const key = `${normEmail(r.userUpn)}|${lc(r.groupName)}`;
      const before = current.get(key);
      if (before === undefined) return { plan: "create", before: null, after: { groupName: r.groupName, machineName: r.machineName } };
      if (before && lc(before) === lc(r.machineName)) return { plan: "no_change", before: { groupName: r.groupName, machineName: before }, after: { groupName: r.groupName, machineName: before } };
      return { plan: "update", before: { groupName: r.groupName, machineName: before }, after: { groupName: r.groupName, machineName: r.machineName } };
    });
  },
  apply: async (ctx, rows) => (await clientsFor.trugrid(ctx.connection).setMachineAssociations(rows)).map((r) => ({ ok: r.ok, message: r.status })),
  afterSuccess: async (db, tenantId, rows) => {
    // The (user, group) slot now holds the new machine, written as the sync
    // writes it (same id, raw and hash), so the next sync finds nothing changed.
    for (const r of rows) await upsertAssociation(db, tenantId, r);
  },
  audit: {
    action: "trugrid.machine_association.set", target: associationTarget,
    // As the associations page records it: the slot's machine before, TruGrid's status and the machine it replaced after,
    // which the page's undo (restoreInput) sets again.
    values: (r, p, o) => ({
      before: associationBefore([{ item: r, machine: (p.before as { machineName?: string } | null)?.machineName ?? null }]),
      after: associationAfter([{ item: r, status: o.message }]),
    }),
  },
});
