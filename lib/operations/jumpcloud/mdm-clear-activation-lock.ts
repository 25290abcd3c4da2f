import { mdmCommand } from "./_mdm-command";

/** Removes Apple's theft protection: admin work. */
export default mdmCommand({
  id: "jumpcloud.mdm_device.activation_lock_cleared",
  command: "clearActivationLock",
  label: "Clear activation lock",
  help: "Removes Apple's theft protection so the device can be set up by anyone after an erase.",
  perm: "jumpcloud.destructive",
  risk: "destructive",
  idempotent: true,
  irreversible: "Apple MDM has no command that sets an activation lock: the device's owner sets it again.",
});
