import "server-only";
import { ActionError } from "../actions/result";
import { db } from "../db";
import { clientsFor } from "../vendors/clients";
import { VendorError } from "../vendors/core/vendor-error";
import { loadConnection } from "../vendors/load-connection";
import type { TruGridClient } from "../vendors/trugrid";

/** The tenant's TruGrid client, or a refusal naming what is missing. */
export async function trugridClient(tenantId: string): Promise<TruGridClient> {
  const connection = await loadConnection(db(), tenantId, "trugrid");
  if (!connection) throw new ActionError("This tenant has no TruGrid connection.");
  if (!connection.settings.domainName) throw new ActionError("The TruGrid connection has no domain name.");
  return clientsFor.trugrid(connection);
}

/**
 * Runs one vendor call; a whole-request refusal becomes an ActionError in
 * TruGrid's own words, so the toast and the audit reason carry them.
 */
export async function vendorCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof VendorError) throw new ActionError(`TruGrid answered: ${err.vendorMessage}${err.status ? ` (HTTP ${err.status})` : ""}`);
    throw err;
  }
}
