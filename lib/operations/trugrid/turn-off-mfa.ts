import { onOffChange } from "./_user-state";

/** TruGrid refuses this per user for users with its Admin role; the refusal is shown in TruGrid's words. */
export default onOffChange({
  id: "trugrid.mfa.turned_off",
  label: "Turn MFA off",
  help:
    "Turns off MFA for each user. TruGrid refuses it for users with its Admin role; " +
    "that user then fails with TruGrid's reason.",
  formerBulkId: "trugrid.mfa_off",
  field: "mfa",
  to: "off",
  change: { mfaOn: false },
  send: (c, upns) => c.turnOffMfa(upns),
  inverse: { op: "trugrid.mfa.turned_on", label: "Turn MFA back on" },
  done: "MFA turned off",
});
