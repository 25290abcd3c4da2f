import "server-only";
import type { z } from "zod";
import type { TenantSummary } from "../auth/staff";
import { db } from "../db";
import type { NoFields } from "../params/fields";
import type { VendorId } from "../vendors/connection-fields";
import { type PageProps, pageContext } from "./page-context";
import type { PageContext, PageDef } from "./run-page-context";
import { type VendorContext, vendorContext } from "./vendor-context";

export type { PageProps };

/** A page definition as pageContext() takes it, with the vendor in place of the tenant rule (always the header's). */
export interface VendorPageDef<V extends VendorId, P extends z.ZodType, S extends z.ZodType>
  extends Omit<PageDef<P, S>, "tenant"> {
  vendor: V;
}

/**
 * What every page of a vendor area starts with, in place of pageContext():
 *
 *   const { tenant, connection, may, search, ignored } = await vendorPage(props, {
 *     vendor: "twingate", page: "/twingate/users", perm: "console.read", search: Search });
 *
 * pageContext() checks the session, the permission, the path and query, for
 * the tenant chosen in the header (null when the staff user has none); this
 * adds that tenant's connection to the vendor and what the role may do there.
 */
export async function vendorPage<V extends VendorId, P extends z.ZodType = NoFields, S extends z.ZodType = NoFields>(
  props: PageProps,
  def: VendorPageDef<V, P, S>,
): Promise<PageContext<P, S, TenantSummary | null> & VendorContext<V>> {
  const { vendor, ...page } = def;
  const ctx = await pageContext<P, S>(props, { ...page, tenant: "current" });
  return { ...ctx, ...(await vendorContext(db(), ctx, vendor)) };
}
