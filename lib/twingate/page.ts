import type { Staff } from "../auth/staff";
import { can } from "../auth/permissions";

/** A Twingate page's context with what the role may change there. Pages check; actions check again. */
export function twingatePage<C extends { staff: Staff }>(ctx: C) {
  return {
    ...ctx,
    canOperate: can(ctx.staff.role, "twingate.write"),
    canAdmin: can(ctx.staff.role, "twingate.network.write"),
  };
}
