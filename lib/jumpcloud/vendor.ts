import "server-only";
import { db } from "../db";
import { clientFor } from "../vendors/client-for";
import { asActionError, inVendorWords } from "../vendors/core/vendor-message";
import type { JumpCloudClient } from "../vendors/jumpcloud/client";

/** The tenant's JumpCloud client; x-org-id comes from the tenant's connection (MSP keys). */
export async function jumpcloudFor(tenantId: string): Promise<JumpCloudClient> {
  return (await clientFor(db(), tenantId, "jumpcloud", "interactive")).client;
}

/** JumpCloud's own message, verbatim, as the refusal the toast and the audit log show. */
export const vendorRefusal = asActionError;

/** Runs vendor calls, turning a vendor failure into the vendor's own words. */
export const withVendor = inVendorWords;
