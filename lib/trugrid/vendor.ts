import "server-only";
import { db } from "../db";
import { clientFor } from "../vendors/client-for";
import { inVendorWords } from "../vendors/core/vendor-message";
import type { TruGridClient } from "../vendors/trugrid";

/** The tenant's TruGrid client, or a refusal naming what is missing. */
export async function trugridClient(tenantId: string): Promise<TruGridClient> {
  return (await clientFor(db(), tenantId, "trugrid", "interactive")).client;
}

/**
 * Runs one vendor call; a whole-request refusal becomes an ActionError in
 * TruGrid's own words, so the toast and the audit reason carry them.
 */
export const vendorCall = inVendorWords;
