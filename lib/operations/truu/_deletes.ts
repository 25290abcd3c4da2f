import type { Db } from "../../db/client";
import { VendorError } from "../../vendors/core/vendor-error";
import type { TruuClient } from "../../vendors/truu/client";
import type { OpContext, Outcome } from "../operation";

// What TruU's two deletes (a device, a user with their devices) share: one
// call per item, nothing to undo (TruU keeps nothing deleted), and a 404 is
// the outcome asked for, on every surface.

/**
 * What both deletes declare: TruU's deletes are one call per item; nothing
 * undoes them; and one in doubt after a crash is looked up at TruU (verify),
 * never sent twice blindly.
 */
export const TRUU_DELETE = {
  vendor: "truu",
  perm: "truu.write",
  risk: "irreversible",
  idempotent: false,
  chunk: 1,
} as const;

export const truuOf = (ctx: OpContext) => ctx.client as TruuClient;

const notFound = (err: unknown) => err instanceof VendorError && err.status === 404;

export const ALREADY_DELETED = "Already deleted at TruU.";

/**
 * Sends a delete. TruU answering 404 means the object is gone already (a
 * delete made in TruU's own console since the last sync): that is what was
 * asked for, so it succeeds with that said. Any other failure is thrown, to
 * be worded as TruU said it (a page's toast, a bulk row's message).
 */
export async function deleteAtTruu<T, A>(send: () => Promise<T>, ok: (answer: T) => Outcome<A>): Promise<Outcome<A>> {
  try {
    return ok(await send());
  } catch (err) {
    if (notFound(err)) return { ok: true, message: ALREADY_DELETED };
    throw err;
  }
}

/** A delete left in doubt: gone at TruU (true), still there (false), or TruU cannot be asked (null). */
export async function goneAtTruu(read: () => Promise<unknown>): Promise<boolean | null> {
  try {
    await read();
    return false;
  } catch (err) {
    return notFound(err) ? true : null;
  }
}

export interface Device {
  vendorId: string;
  deviceName: string | null;
  type: string | null;
}

/** Each user's live devices in the cache, by name: what a user delete takes with it. */
export async function devicesOf(db: Db, tenantId: string, guids: string[]): Promise<Map<string, Device[]>> {
  const devices = await db.truuDevice.findMany({
    where: { tenantId, userGuid: { in: guids }, deletedAt: null },
    orderBy: { deviceName: "asc" },
    select: { vendorId: true, deviceName: true, type: true, userGuid: true },
  });
  const out = new Map<string, Device[]>();
  for (const { userGuid, ...d } of devices) {
    if (userGuid) out.set(userGuid, [...(out.get(userGuid) ?? []), d]);
  }
  return out;
}

/** Whether the devices the cache now holds for a user are exactly those listed (what the person confirmed). */
export function sameDevices(listed: readonly string[], now: readonly Device[]): boolean {
  const shown = new Set(listed);
  return now.length === shown.size && now.every((d) => shown.has(d.vendorId));
}
