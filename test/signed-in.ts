import type { Staff } from "../lib/auth/staff";
import { actInHarness, type BulkHarness } from "./bulk-harness";

/**
 * A synced harness whose staff member is signed in, for tests that call
 * server actions (with lib/auth/session mocked by session-as) against the
 * harness's database.
 */
export async function signedIn<S>(harness: Promise<BulkHarness<S>>): Promise<BulkHarness<S> & { staff: Staff }> {
  const h = await harness;
  return Object.assign(h, { staff: await actInHarness(h) });
}
