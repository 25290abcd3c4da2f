import { mdmCommand } from "./_mdm-command";

/** A Mac needs a PIN: JumpCloud refuses the lock without one, in its own words. */
export default mdmCommand({
  id: "jumpcloud.mdm_device.locked",
  command: "lock",
  label: "MDM lock device",
  help: "Apple MDM locks the device; a Mac then needs the PIN at its firmware screen.",
  perm: "jumpcloud.write",
  risk: "irreversible",
  idempotent: true,
  irreversible: "Apple MDM has no unlock command: the device is unlocked at the device (with the PIN on a Mac).",
});
