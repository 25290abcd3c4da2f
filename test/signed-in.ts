import { loadStaff, type Staff } from "../lib/auth/staff";
import type { BulkHarness } from "./bulk-harness";
import { actAs } from "./session-as";

/**
 * A synced harness whose staff member is signed in, for tests that call
 * server actions (with lib/auth/session mocked by session-as) against the
 * harness's database.
 */
export async function signedIn<S>(harness: Promise<BulkHarness<S>>): Promise<BulkHarness<S> & { staff: Staff }> {
  const h = await harness;
  process.env.DATABASE_URL = h.h.t.url;
  const staff = await loadStaff(h.h.t.db, h.staffId);
  if (!staff) throw new Error("no staff");
  actAs(staff);
  return Object.assign(h, { staff });
}
