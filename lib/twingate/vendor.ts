import "server-only";
import type { Db } from "../db/client";
import { clientFor } from "../vendors/client-for";
import { inVendorWords } from "../vendors/core/vendor-message";
import type { TwingateClient } from "../vendors/twingate/client";

/** The tenant's Twingate client, paced with the sync's shared budget. */
export async function twingateFor(db: Db, tenantId: string): Promise<TwingateClient> {
  return (await clientFor(db, tenantId, "twingate", "interactive")).client;
}

/** Runs vendor calls and turns a VendorError into an ActionError carrying the vendor's text verbatim. */
export const vendor = inVendorWords;
