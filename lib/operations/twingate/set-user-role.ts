import { z } from "zod";
import { TWINGATE_ROLES } from "../../twingate/constants";
import { operation } from "../operation";
import { userChange } from "./_user";

/** Twingate's UserRole enum; a sheet may say "DevOps" or "Access reviewer". */
const RoleCell = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase().replace(/[\s-]+/g, "_"))
  .pipe(z.enum(TWINGATE_ROLES, `role must be one of ${TWINGATE_ROLES.join(", ")}`));

export default operation(
  userChange({
    id: "twingate.user.role_changed",
    label: "Set user roles",
    help:
      "Sets each user's role (ADMIN, DEVOPS, SUPPORT, ACCESS_REVIEWER or MEMBER). A role reaches the whole network " +
      "(ADMIN runs it), so only admins may change one.",
    perm: "twingate.network.write",
    field: "role",
    value: z.enum(TWINGATE_ROLES),
    cell: RoleCell,
    column: { header: "role", aliases: ["userrole", "user role"], example: "SUPPORT", hint: TWINGATE_ROLES.join(", ") },
    send: (c, i) => c.userRoleUpdate(i.userId, i.role as (typeof TWINGATE_ROLES)[number]),
    inverse: { label: "Restore the previous role", restorable: (r) => r.length > 0 },
    formerBulkId: "twingate.user_role",
  }),
);
