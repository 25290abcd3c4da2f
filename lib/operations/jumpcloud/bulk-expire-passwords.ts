import { BULK_ACTIONS } from "../../jumpcloud/bulk-kinds";
import { userJob } from "./_bulk-job";

/** The same change as "Expire passwords" (jumpcloud.user.password_expired), as one JumpCloud bulk job. */
export default userJob({
  id: BULK_ACTIONS.expire,
  kind: "expire",
  label: "Expire passwords (JumpCloud bulk job)",
  help: "One JumpCloud bulk job expires each user's password: they must choose a new one at the next sign-in.",
  start: (c, ids) => c.bulkExpireUsers(ids),
  irreversible: "JumpCloud has no call that makes an expired password valid again.",
});
