import "server-only";
import type { Db } from "../db/client";
import { clientFor } from "../vendors/client-for";
import { failureMessage } from "../vendors/core/vendor-message";
import type { JumpCloudClient } from "../vendors/jumpcloud/client";

export interface ScheduledChange {
  scheduledJobId: string;
  userId: string;
  /** The user as the cache names them; null for one the last sync did not see. */
  user: string | null;
  state: string;
  scheduledDate: string;
}

/**
 * The state changes JumpCloud has scheduled and not yet run, read from JumpCloud as the page opens (whoever
 * scheduled them, here or in JumpCloud's console), soonest first, each user named as the cache knows them.
 */
export async function scheduledChanges(
  db: Db,
  tenantId: string,
): Promise<{ ok: true; changes: ScheduledChange[] } | { ok: false; error: string }> {
  try {
    const { client } = await clientFor(db, tenantId, "jumpcloud", "interactive");
    const scheduled = await (client as JumpCloudClient).listScheduledUserStates();
    const users = await db.jumpcloudUser.findMany({
      where: { tenantId, vendorId: { in: scheduled.map((s) => s.systemUserId) } },
      select: { vendorId: true, email: true, username: true },
    });
    const names = new Map(users.map((u) => [u.vendorId, u.email || u.username]));
    const changes = scheduled
      .map((s) => ({
        scheduledJobId: s.scheduledJobId,
        userId: s.systemUserId,
        user: names.get(s.systemUserId) ?? null,
        state: s.state,
        scheduledDate: s.scheduledDate,
      }))
      .sort((a, b) => a.scheduledDate.localeCompare(b.scheduledDate));
    return { ok: true, changes };
  } catch (err) {
    return { ok: false, error: failureMessage(err) };
  }
}
