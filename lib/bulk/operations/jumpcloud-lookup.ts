import type { Db } from "../../db/client";
import { normEmail } from "../../sync/target";
import { VendorError } from "../../vendors/core/vendor-error";
import { JUMPCLOUD_TUNING } from "../../vendors/client-for";
import { clientsFor } from "../../vendors/clients";
import { failureMessage } from "../../vendors/core/vendor-message";
import type { OpenConnection } from "../../vendors/load-connection";

// Lookups shared by the JumpCloud bulk operations: people by email from the
// cache (what the operator saw when planning), and the refresh after a change.

/** A worker waits out a busy JumpCloud longer than a person clicking would. */
export const bulkJumpcloudClient = (connection: OpenConnection) => clientsFor.jumpcloud(connection, JUMPCLOUD_TUNING.worker);

/** JumpCloud's own words for a failure, as the console shows them. */
export const jumpcloudMessage = failureMessage;

export type CachedUser = Awaited<ReturnType<Db["jumpcloudUser"]["findMany"]>>[number];

/** Cached users (not deleted) per email, case-insensitive: a function answering the matches of one email. */
export async function usersByEmail(db: Db, tenantId: string, emails: string[]): Promise<(email: string) => CachedUser[]> {
  const users = await db.jumpcloudUser.findMany({ where: { tenantId, deletedAt: null, emailNorm: { in: [...new Set(emails.map(normEmail))] } } });
  const by = new Map<string, CachedUser[]>();
  for (const u of users) by.set(u.emailNorm, [...(by.get(u.emailNorm) ?? []), u]);
  return (email) => by.get(normEmail(email)) ?? [];
}

/** The plan's refusal for an email that names no one, or more than one user. */
export function userProblem(email: string, found: CachedUser[]): string | null {
  if (!found.length) return `Unknown user: ${email} is not a JumpCloud user of this tenant (as of the last sync).`;
  if (found.length > 1) return `Ambiguous email: ${found.length} JumpCloud users have ${email}.`;
  return null;
}

/**
 * A write that JumpCloud may or may not have made (no answer in time, the
 * connection dropped). Thrown out of a non-repeatable apply, it marks the row
 * "unknown" instead of "failed", so nobody resends it blindly.
 */
export const inDoubt = (err: unknown) => err instanceof VendorError && (err.info.kind === "timeout" || err.info.kind === "network");

/** Drops the cache's id from a plan's snapshot: the single-row action records the id in the target, not the values. */
export function withoutIds<T>(v: T, ...keys: string[]): T {
  if (!v || typeof v !== "object") return v;
  const out = { ...(v as Record<string, unknown>) };
  for (const k of keys) delete out[k];
  return out as T;
}
