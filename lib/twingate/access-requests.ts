import "server-only";
import type { Db } from "../db/client";
import { clientFor } from "../vendors/client-for";
import { failureMessage } from "../vendors/core/vendor-message";
import type { TwingateClient } from "../vendors/twingate/client";
import type { AccessRequest } from "../vendors/twingate/schemas";

/**
 * The open access requests, read from Twingate as the page is opened (a request waits for a person, so the list must
 * be now's, not the last sync's), oldest first; a failure (no connection, Twingate busy) in words staff read.
 */
export async function openAccessRequests(
  db: Db,
  tenantId: string,
): Promise<{ ok: true; requests: AccessRequest[] } | { ok: false; error: string }> {
  try {
    const { client } = await clientFor(db, tenantId, "twingate", "interactive");
    const requests = await (client as TwingateClient).accessRequests();
    return { ok: true, requests: requests.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt)) };
  } catch (err) {
    return { ok: false, error: failureMessage(err) };
  }
}
