import "server-only";
import { can } from "../auth/permissions";
import { requireStaff } from "../auth/session";
import { currentTenant } from "../tenants/scope";

export type Search = Record<string, string | string[] | undefined>;

/** Who is looking at which tenant, and what they may change there. Pages check; actions check again. */
export async function twingatePage() {
  const staff = await requireStaff();
  const tenant = await currentTenant(staff);
  return {
    staff, tenant,
    canOperate: can(staff.role, "twingate.write"),
    canAdmin: can(staff.role, "twingate.network.write"),
  };
}
