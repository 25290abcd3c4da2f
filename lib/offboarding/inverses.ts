import "server-only";
import type { InverseMap } from "../undo/inverse";
import { setMachineAssociations } from "../trugrid/association-actions";

/** Undo of the offboarding steps that have no console action of their own. */
export const OFFBOARDING_INVERSES: InverseMap = {
  // The user's machine in the group is set again (TruGrid refuses it if the machine went to someone else meanwhile).
  "trugrid.machine_association.removed": {
    label: "Set the association again",
    plan: (e) => {
      const b = (e.before ?? {}) as { userUpn?: string; groupName?: string; machineName?: string | null };
      return e.tenantId && b.userUpn && b.groupName && b.machineName
        ? { run: setMachineAssociations as never, input: { tenantId: e.tenantId, items: [{ userUpn: b.userUpn, groupName: b.groupName, machineName: b.machineName }] } }
        : null;
    },
  },
};
