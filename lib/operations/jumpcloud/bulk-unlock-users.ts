import { BULK_ACTIONS } from "../../jumpcloud/bulk-kinds";
import { userJob } from "./_bulk-job";

/** The same change as "Unlock users" (jumpcloud.user.unlocked), as one JumpCloud bulk job for up to 500 users. */
export default userJob({
  id: BULK_ACTIONS.unlock,
  kind: "unlock",
  label: "Unlock users (JumpCloud bulk job)",
  help: "One JumpCloud bulk job clears the lockout of each user; the bulk page follows its results.",
  start: (c, ids) => c.bulkUnlockUsers(ids),
  irreversible: "JumpCloud has no call that locks an account: it locks one itself after failed sign-ins.",
});
