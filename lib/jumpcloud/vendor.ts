import "server-only";
import { ActionError } from "../actions/action";
import { db } from "../db";
import { clientsFor } from "../vendors/clients";
import { VendorError } from "../vendors/core/vendor-error";
import type { JumpCloudClient } from "../vendors/jumpcloud/client";
import { loadConnection } from "../vendors/load-connection";

/**
 * A console action waits a little for a busy JumpCloud (429 with
 * Retry-After, 5xx on reads) but never long: the person clicking is waiting.
 * Writes are never resent blindly (the client decides per operation).
 */
const INTERACTIVE = { timeoutMs: 20_000, retry: { retries: 2, minDelayMs: 300, maxDelayMs: 3_000, maxRetryAfterMs: 10_000 } };

/** The tenant's JumpCloud client; x-org-id comes from the tenant's connection (MSP keys). */
export async function jumpcloudFor(tenantId: string): Promise<JumpCloudClient> {
  const connection = await loadConnection(db(), tenantId, "jumpcloud");
  if (!connection) throw new ActionError("This tenant has no JumpCloud connection. An admin can add one under Settings → Tenants.");
  return clientsFor.jumpcloud(connection, INTERACTIVE);
}

/** JumpCloud's own message, verbatim, as the refusal the toast and the audit log show. */
export function vendorRefusal(err: unknown): unknown {
  if (!(err instanceof VendorError)) return err;
  const status = err.status ? ` (HTTP ${err.status})` : "";
  if (err.status === 429) {
    const wait = err.info.retryAfterMs !== undefined ? ` JumpCloud asks to wait ${Math.ceil(err.info.retryAfterMs / 1000)} s before trying again.` : " Try again in a minute.";
    return new ActionError(`JumpCloud answered: ${err.vendorMessage}${status}.${wait}`);
  }
  if (err.info.kind === "timeout") return new ActionError(`JumpCloud did not answer in time; the change may or may not have been made. Check before retrying. (${err.vendorMessage})`);
  return new ActionError(`JumpCloud answered: ${err.vendorMessage}${status}`);
}

/** Runs vendor calls, turning a vendor failure into the vendor's own words. */
export async function withVendor<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw vendorRefusal(err);
  }
}
