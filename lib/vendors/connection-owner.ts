import { ActionDenied } from "../actions/result";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { VENDOR_LABEL, type VendorId } from "./connection-fields";
import { connectionTarget } from "./connection-record";

/**
 * One vendor account (a TruGrid domain, a Twingate network, a JumpCloud
 * organisation, at one base URL) belongs to one tenant: otherwise an admin
 * of tenant A could point A's connection at B's account, act on B's people
 * from A and sync them into A's cache. Where no account is named (TruU, whose
 * OAuth client names the customer; JumpCloud with a single-organisation key)
 * the key itself is the account, and nothing is compared.
 */
export async function refuseAccountOfAnotherTenant(
  db: Db | Prisma.TransactionClient,
  tenantId: string,
  vendor: VendorId,
  target: { baseUrl: string; settings: Record<string, string | null> },
): Promise<void> {
  if (!Object.values(target.settings).some(Boolean)) return;
  const others = await db.vendorConnection.findMany({
    where: { vendor, tenantId: { not: tenantId } },
    select: { baseUrl: true, settings: true },
  });
  const mine = connectionTarget(vendor, target);
  if (others.some((o) => connectionTarget(vendor, o) === mine)) {
    throw new ActionDenied(
      `Another tenant is already connected to this ${VENDOR_LABEL[vendor]} account; one account belongs to one tenant.`,
      `${vendor} target ${mine.replace(/\n/g, " ")} is another tenant's connection`,
    );
  }
}
