import { z } from "zod";
import type { AuditAction } from "../../audit/event-types";
import type { Permission } from "../../auth/permissions";
import { systemTarget } from "../../jumpcloud/targets";
import type { Before, CacheContext, Risk } from "../operation";
import { JcId } from "./_user";

// What the commands a system is sent share, the agent's (lock, restart, shut
// down, erase) and Apple MDM's: one system named by JumpCloud's id, known to
// the cache (its name names it in the audit log and the toast), and an erase
// confirmed by typing that name, checked here as well as in the dialog.

export type SystemItem = { systemId: string; confirm?: string };
export const SystemItem = z.object({ systemId: JcId });
/** An erase: the system's name, typed. */
export const confirmed = <T extends z.ZodObject>(item: T) =>
  item.extend({ confirm: z.string().trim().min(1, "Type the system's name to confirm") });

/** What the cache knows of the system: the name an erase is confirmed with, and the serial MDM finds it by. */
export type SystemState = {
  /** JumpCloud's id (a sheet's row names the system by name; its plan keeps the id). */
  systemId?: string;
  name: string;
  serialNumber: string | null;
  /** As the last sync saw it: what a command's event records as its before. */
  os?: string | null;
  active?: boolean | null;
  lastContact?: string | null;
};

/** What a command's event keeps of the system before it: its name, OS, and whether its agent was in touch. */
export const systemBefore = (s: SystemState) => ({
  name: s.name,
  os: s.os ?? null,
  active: s.active ?? null,
  lastContact: s.lastContact ?? null,
});

/** The name an operator must type to confirm an erase. */
const nameOf = (s: { displayName: string | null; hostname: string | null; vendorId: string }) =>
  s.displayName || s.hostname || s.vendorId;

/** The cached systems named; one the cache does not hold (or holds as deleted) is not found. */
export async function cachedSystems(
  ctx: CacheContext,
  items: SystemItem[],
  o: { confirmed: boolean },
): Promise<Before<SystemState, SystemItem>[]> {
  const systems = await ctx.db.jumpcloudSystem.findMany({
    where: { tenantId: ctx.tenantId, vendorId: { in: items.map((i) => i.systemId) }, deletedAt: null },
    select: {
      vendorId: true,
      displayName: true,
      hostname: true,
      serialNumber: true,
      os: true,
      osVersion: true,
      active: true,
      lastContact: true,
    },
  });
  const by = new Map(systems.map((s) => [s.vendorId, s]));
  return items.map((i) => {
    const s = by.get(i.systemId);
    if (!s) return { refused: "Not found." };
    const name = nameOf(s);
    if (o.confirmed && i.confirm !== name) return { refused: `To erase, type the system's name exactly: ${name}` };
    const os = [s.os, s.osVersion].filter(Boolean).join(" ") || null;
    return {
      state: {
        systemId: s.vendorId,
        name,
        serialNumber: s.serialNumber,
        os,
        active: s.active,
        lastContact: s.lastContact?.toISOString() ?? null,
      },
    };
  });
}

/** How a command is said in the catalogue; each operation says what its command does and why no undo. */
export interface CommandText {
  id: AuditAction;
  label: string;
  help: string;
  perm: Permission;
  risk: Risk;
  /** Sent twice, the device is in the same state (locked, asked again); a second restart or erase is not. */
  idempotent: boolean;
  irreversible: string;
}

/** The system, named as the cache names it. */
export const systemTargets = (i: SystemItem, s?: SystemState) => [systemTarget(i.systemId, s?.name)];

/** What every command shares: one system per call; the page's action returns its cached name. */
export const oneSystem = {
  vendor: "jumpcloud" as const,
  chunk: 1,
  name: (i: SystemItem) => i.systemId,
  result: (done: { state: SystemState }[]) => ({ name: done[0]?.state.name ?? null }),
};
