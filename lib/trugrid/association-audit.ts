import { trugridUserTarget } from "./targets";

// How a change of machine associations is audited, by the associations page
// and a CSV row alike: the undo (restoreInput) reads these values back.

export interface AssociationItem {
  userUpn: string;
  groupName: string;
  machineName: string;
}

/** "alice@x.example → PC-01 in Pool": how an association is named in the log and in a toast. */
export const associationLabel = (i: AssociationItem) => `${i.userUpn} → ${i.machineName} in ${i.groupName}`;

export const associationTarget = (i: AssociationItem) => trugridUserTarget(i.userUpn, associationLabel(i));

/**
 * Documented per-item status: "Success. Previous association with '{machineName}' replaced." names the
 * machine the user had.
 */
const REPLACED = /^Success\. Previous association with '(.+)' replaced\.$/;

export function previousMachineOf(status: string): string | null {
  return REPLACED.exec(status.trim())?.[1] ?? null;
}

/** The event's before: the machine each (user, group) slot held, null for none. */
export function associationBefore(slots: { item: AssociationItem; machine: string | null }[]) {
  return { machines: Object.fromEntries(slots.map((s) => [associationLabel(s.item), s.machine])) };
}

/** The event's after: TruGrid's status per association, and the machines it replaced (what an undo puts back). */
export function associationAfter(results: { item: AssociationItem; status: string }[]) {
  return {
    statuses: Object.fromEntries(results.map((r) => [associationLabel(r.item), r.status])),
    replaced: results.flatMap((r) => {
      const previousMachine = previousMachineOf(r.status);
      return previousMachine ? [{ userUpn: r.item.userUpn, groupName: r.item.groupName, previousMachine }] : [];
    }),
  };
}

export type ReplacedAssociation = ReturnType<typeof associationAfter>["replaced"][number];
