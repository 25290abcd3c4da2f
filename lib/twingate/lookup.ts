import "server-only";
import { ActionError } from "../actions/result";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

type Tx = Db | Prisma.TransactionClient;

// Actions name their targets by Twingate id; the cache row gives the label
// and the state before the change (the audit event's `before`).

export async function cachedUser(db: Tx, tenantId: string, vendorId: string) {
  const u = await db.twingateUser.findFirst({ where: { tenantId, vendorId, deletedAt: null } });
  if (!u) throw new ActionError("No such Twingate user in this tenant's cache. Sync Twingate and try again.");
  return u;
}

export async function cachedDevice(db: Tx, tenantId: string, vendorId: string) {
  const d = await db.twingateDevice.findFirst({ where: { tenantId, vendorId, deletedAt: null } });
  if (!d) throw new ActionError("No such Twingate device in this tenant's cache. Sync Twingate and try again.");
  return d;
}
