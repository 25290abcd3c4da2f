import { mdmCommand } from "./_mdm-command";

export default mdmCommand({
  id: "jumpcloud.mdm_device.restarted",
  command: "restart",
  label: "MDM restart device",
  help: "Apple MDM restarts the device; unsaved work is lost.",
  perm: "jumpcloud.write",
  risk: "irreversible",
  idempotent: false,
  irreversible: "A restart cannot be taken back, and the unsaved work it lost is gone.",
});
