import { stateChange } from "./_user-state";

export default stateChange({
  id: "jumpcloud.user.suspended",
  label: "Suspend users",
  help: "Suspends each user: they cannot sign in to JumpCloud or the systems and apps it manages until reactivated.",
  formerBulkId: "jumpcloud.suspend",
  to: "SUSPENDED",
  from: "ACTIVATED",
  // Only a user who was active before; a STAGED user is activated otherwise.
  inverse: { op: "jumpcloud.user.reactivated", label: "Reactivate" },
});
