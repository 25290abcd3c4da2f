import "server-only";
import type { z } from "zod";
import { currentStaff, requestMeta } from "../auth/session";
import type { TenantSummary } from "../auth/staff";
import { db } from "../db";
import type { NoFields } from "../params/fields";
import { currentTenant, tenantsInScope } from "../tenants/scope";
import {
  type PageContext,
  type PageDef,
  type PageProps,
  type PageTenantRule,
  runPageContext,
} from "./run-page-context";

export type { PageProps } from "./run-page-context";

type Def<P extends z.ZodType, S extends z.ZodType, R> = Omit<PageDef<P, S>, "tenant"> & { tenant: R };
type TenantFn<P extends z.ZodType> = Exclude<PageTenantRule<z.output<P>>, string>;
/**
 * What every page under app/(console) starts with, instead of reading the
 * session and the search params by hand (see runPageContext):
 *
 *   const { staff, tenant, search, ignored } = await pageContext(props, {
 *     page: "/truu/devices", perm: "console.read", tenant: "current", search: DeviceTableSearch });
 *
 * The tenant's type follows the rule: none for "global", the header's (or
 * none) for "current", and always one for a rule naming it.
 */
export function pageContext<P extends z.ZodType = NoFields, S extends z.ZodType = NoFields>(
  props: PageProps,
  def: Def<P, S, "global">,
): Promise<PageContext<P, S, null>>;
export function pageContext<P extends z.ZodType = NoFields, S extends z.ZodType = NoFields>(
  props: PageProps,
  def: Def<P, S, "current">,
): Promise<PageContext<P, S, TenantSummary | null>>;
export function pageContext<P extends z.ZodType = NoFields, S extends z.ZodType = NoFields>(
  props: PageProps,
  def: Def<P, S, TenantFn<P>>,
): Promise<PageContext<P, S, TenantSummary>>;
export function pageContext<P extends z.ZodType, S extends z.ZodType>(
  props: PageProps,
  def: PageDef<P, S>,
): Promise<PageContext<P, S>> {
  return runPageContext(props, def, {
    db: db(),
    staff: currentStaff,
    meta: requestMeta,
    currentTenant,
    tenantsInScope,
  });
}
