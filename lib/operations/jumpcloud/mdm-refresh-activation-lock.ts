import { mdmCommand } from "./_mdm-command";

/** Asks the device to report; changes nothing on it. */
export default mdmCommand({
  id: "jumpcloud.mdm_device.activation_lock_refreshed",
  command: "refreshActivationLockInformation",
  label: "Refresh activation lock information",
  help: "Asks the device to report its activation lock state again.",
  perm: "jumpcloud.write",
  risk: "irreversible",
  idempotent: true,
  irreversible: "A request the device answers: there is nothing to take back.",
});
