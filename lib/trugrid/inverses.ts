import "server-only";
import type { Result } from "../actions/result";
import type { Inverse, InverseMap, UndoableEvent } from "../undo/inverse";
import { setMachineAssociations } from "./association-actions";
import { turnOffMfa, turnOnMfa } from "./mfa-actions";
import { disableUdp, enableUdp } from "./udp-actions";

type Before = Record<string, { mfa?: string; udp?: string }>;
type After = { succeeded?: string[] };

/**
 * The users a change reached and did not already have: a user the console
 * knew to be in the new state before is left alone by the undo. For users
 * whose state was unknown the undo sets the opposite, the one state the
 * console knows they were not in after the change.
 */
function changed(e: UndoableEvent, field: "mfa" | "udp", now: "on" | "off"): string[] {
  const before = (e.before ?? {}) as Before;
  return ((e.after ?? {}) as After).succeeded?.filter((u) => before[u]?.[field] !== now) ?? [];
}

function flip(label: string, field: "mfa" | "udp", now: "on" | "off", run: (input: never) => Promise<Result<unknown>>): Inverse {
  return {
    label,
    plan: (e) => {
      const upns = changed(e, field, now);
      return upns.length && e.tenantId ? { run, input: { tenantId: e.tenantId, upns } } : null;
    },
  };
}

type Replaced = { userUpn: string; groupName: string; previousMachine: string };

export const TRUGRID_INVERSES: InverseMap = {
  "trugrid.mfa.turned_on": flip("Turn MFA back off", "mfa", "on", turnOffMfa as never),
  "trugrid.mfa.turned_off": flip("Turn MFA back on", "mfa", "off", turnOnMfa as never),
  "trugrid.udp.enabled": flip("Turn UDP back off", "udp", "on", disableUdp as never),
  "trugrid.udp.disabled": flip("Turn UDP back on", "udp", "off", enableUdp as never),
  // TruGrid has no call that removes one association, so only a replaced machine can be put back.
  "trugrid.machine_association.set": {
    label: "Restore the previous machines",
    plan: (e) => {
      const replaced = ((e.after ?? {}) as { replaced?: Replaced[] }).replaced ?? [];
      if (!replaced.length || !e.tenantId) return null;
      return {
        run: setMachineAssociations as never,
        input: { tenantId: e.tenantId, items: replaced.map((r) => ({ userUpn: r.userUpn, groupName: r.groupName, machineName: r.previousMachine })) },
      };
    },
  },
};
