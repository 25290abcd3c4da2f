import { stateChange } from "./_user-state";

/** Suspended → active. A STAGED user is activated with activateStagedUser instead (JumpCloud refuses this for them). */
export default stateChange({
  id: "jumpcloud.user.reactivated",
  label: "Reactivate users",
  help:
    "Reactivates each suspended user. A staged (never activated) user is refused by JumpCloud; " +
    "activate those on the user's page.",
  formerBulkId: "jumpcloud.reactivate",
  to: "ACTIVATED",
  from: "SUSPENDED",
  refuse: (u, email) =>
    u.state === "STAGED" ? `${email} is staged, not suspended: activate it on the user's page.` : null,
  inverse: { op: "jumpcloud.user.suspended", label: "Suspend again" },
});
