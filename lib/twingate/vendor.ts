import "server-only";
import { ActionError } from "../actions/result";
import type { Db } from "../db/client";
import type { RetryPolicy } from "../vendors/core/http";
import { VendorError } from "../vendors/core/vendor-error";
import { loadConnection } from "../vendors/load-connection";
import { TwingateClient } from "../vendors/twingate/client";
import { ConsolePacer } from "./pacer";

/** One quick retry; a Retry-After longer than a few seconds is reported, not waited out behind a spinner. */
const CONSOLE_RETRY: RetryPolicy = { retries: 1, minDelayMs: 250, maxDelayMs: 2_000, maxRetryAfterMs: 5_000 };

/** The tenant's Twingate client, paced with the sync's shared budget. */
export async function twingateFor(db: Db, tenantId: string): Promise<TwingateClient> {
  const connection = await loadConnection(db, tenantId, "twingate");
  if (!connection) throw new ActionError("This tenant has no Twingate connection.");
  if (!connection.secrets.apiKey) throw new ActionError("The Twingate connection has no API token.");
  // Built here rather than by clientsFor, which takes no pacer: the budget must be the sync's.
  return new TwingateClient({
    baseUrl: connection.baseUrl, credentials: { apiKey: connection.secrets.apiKey },
    retry: CONSOLE_RETRY, timeoutMs: 20_000, pacer: new ConsolePacer(db, tenantId),
  });
}

/** The message staff see for a vendor failure: Twingate's own words, plus what to do when it is a limit or an unknown outcome. */
export function vendorMessage(err: VendorError): string {
  const i = err.info;
  if (i.status === 429) {
    const wait = i.retryAfterMs !== undefined ? ` Try again in about ${Math.max(1, Math.ceil(i.retryAfterMs / 1000))} s.` : " Try again in a minute.";
    return `Twingate is rate-limiting this tenant's API token (60 reads and 20 writes a minute): ${i.vendorMessage}.${wait}`;
  }
  if (i.kind === "timeout") return `Twingate did not answer in time (${i.operation}); the change may or may not have been made. Sync before trying again.`;
  if (i.kind === "vendor") return `Twingate refused: ${i.vendorMessage}`;
  return `Twingate answered: ${i.vendorMessage}${i.status ? ` (HTTP ${i.status})` : ""}`;
}

/** Runs vendor calls and turns a VendorError into an ActionError carrying the vendor's text verbatim. */
export async function vendor<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof VendorError) throw new ActionError(vendorMessage(err), { cause: err });
    throw err;
  }
}
