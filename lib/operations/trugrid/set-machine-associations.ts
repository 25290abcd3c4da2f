import { z } from "zod";
import { UPN_ALIASES } from "../../bulk/headers";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import {
  type AssociationItem,
  associationAfter,
  associationBefore,
  associationLabel,
  associationTarget,
  type ReplacedAssociation,
} from "../../trugrid/association-audit";
import { upsertAssociation } from "../../trugrid/cache";
import type { TruGridClient } from "../../vendors/trugrid";
import { type Checked, operation } from "../operation";
import { cachedSlots, canonicalSpelling, knownAssociationParts, type Slot } from "./_associations";
import { outcomes } from "./_user-state";

const Item = z.object({
  userUpn: Upn,
  groupName: z.string().trim().min(1, "Choose a group.").max(256),
  machineName: z.string().trim().min(1, "Choose a machine.").max(256),
});

/** A sheet's row: the same fields, said as a sheet's cells are. */
const Row = z.object({
  userUpn: Upn,
  groupName: z.string().min(1, "groupName is empty").max(256),
  machineName: z.string().min(1, "machineName is empty").max(256),
});

const lc = (s: string) => s.toLowerCase();
const planOf = (slot: Slot, item: AssociationItem) =>
  slot.machineName === null ? "create" : lc(slot.machineName) === lc(item.machineName) ? "no_change" : "update";

/**
 * TruGrid keeps one machine per user per machine group; setting one replaces
 * the old. Undo puts replaced machines back: TruGrid has no call that removes
 * a single association, so a new one cannot be taken away again.
 */
export default operation<AssociationItem, Slot>({
  id: "trugrid.machine_association.set",
  vendor: "trugrid",
  label: "Set machine associations",
  help:
    "Sets, for each row, the machine a user connects to in a machine group; " +
    "it replaces the user's current machine in that group.",
  perm: "trugrid.user.write",
  risk: "reversible",
  idempotent: true,
  input: Item,
  // The page sends a few; an undo of a cleared group sets back every association it had (100 per TruGrid call).
  list: { field: "items", max: 5000, empty: "Add at least one association." },
  chunk: 100,
  name: associationLabel,
  // A user who already has that machine in that group is not sent again (nor offered an undo of nothing).
  nothingToDo: "Each user already has that machine in that group: nothing to change.",
  // TruGrid's spelling of known users and groups, so the cache row written after has the id the sync reads back.
  before: async (ctx, typed) => {
    const items = await canonicalSpelling(ctx, typed);
    const slots = await cachedSlots(ctx, items);
    return items.map((item, i) => {
      const state = slots[i] ?? { groupName: item.groupName, machineName: null };
      return { item, state, plan: planOf(state, item) };
    });
  },
  expect: (i) => ({ groupName: i.groupName, machineName: i.machineName }),
  call: async (ctx, chunk) =>
    outcomes(await (ctx.client as TruGridClient).setMachineAssociations(chunk.map((s) => s.item))),
  // The (user, group) slot now holds the new machine, written as the sync writes it.
  cache: async (ctx, done) => {
    for (const d of done) await upsertAssociation(ctx.db, ctx.tenantId, d.item);
  },
  inverse: {
    op: "trugrid.machine_association.set",
    label: "Restore the previous machines",
    items: (e) => {
      const replaced = ((e.after ?? {}) as { replaced?: ReplacedAssociation[] }).replaced ?? [];
      return replaced.length
        ? replaced.map((r) => ({ userUpn: r.userUpn, groupName: r.groupName, machineName: r.previousMachine }))
        : null;
    },
  },
  audit: {
    targets: (i) => [associationTarget(i)],
    before: (sent) => associationBefore(sent.map((s) => ({ item: s.item, machine: s.state.machineName }))),
    after: (done) => associationAfter(done.map((d) => ({ item: d.item, status: d.outcome.message }))),
  },
  csv: {
    row: Row,
    columns: [
      {
        field: "userUpn",
        header: "userUpn",
        aliases: UPN_ALIASES,
        required: true,
        example: "alice.smith@northwind.example",
      },
      {
        field: "groupName",
        header: "groupName",
        aliases: ["group", "machine group", "machinegroup"],
        required: true,
        example: "Operations Workstations",
      },
      {
        field: "machineName",
        header: "machineName",
        aliases: ["machine", "computer", "computername", "hostname"],
        required: true,
        example: "NW-MBP-0017",
      },
    ],
    key: (r) => `${normEmail(r.userUpn)}|${lc(r.groupName)}`,
    check: async (ctx, rows): Promise<Checked<Slot>[]> => {
      const known = await knownAssociationParts(ctx, rows);
      return rows.map((r, i) => {
        const k = known[i];
        if (!k || "refused" in k) return { refused: k?.refused ?? "Not known." };
        return { state: k.slot, plan: planOf(k.slot, r) };
      });
    },
  },
  formerBulkId: "trugrid.machine_associations",
  done: "Association set",
});
