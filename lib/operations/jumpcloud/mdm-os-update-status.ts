import { mdmCommand } from "./_mdm-command";

/** Asks the device to report; nothing is downloaded or installed. */
export default mdmCommand({
  id: "jumpcloud.mdm_device.os_update_status_requested",
  command: "osUpdateStatus",
  label: "Request OS update status",
  help: "Asks the device to report the state of its OS updates to JumpCloud; nothing is downloaded or installed.",
  perm: "jumpcloud.write",
  risk: "irreversible",
  idempotent: true,
  irreversible: "A request the device answers: there is nothing to take back.",
});
