import { onOffChange } from "./_user-state";

export default onOffChange({
  id: "trugrid.mfa.turned_on",
  label: "Turn MFA on",
  help: "Turns on MFA for each user: TruGrid asks them for MFA at sign-in.",
  formerBulkId: "trugrid.mfa_on",
  field: "mfa",
  to: "on",
  change: { mfaOn: true },
  send: (c, upns) => c.turnOnMfa(upns),
  inverse: { op: "trugrid.mfa.turned_off", label: "Turn MFA back off" },
  done: "MFA turned on",
});
