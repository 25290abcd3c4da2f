import { mdmCommand } from "./_mdm-command";

/** Nobody can turn the device back on remotely: admin work. */
export default mdmCommand({
  id: "jumpcloud.mdm_device.shut_down",
  command: "shutdown",
  label: "MDM shut down device",
  help: "Apple MDM turns the device off; nobody can turn it back on remotely.",
  perm: "jumpcloud.destructive",
  risk: "destructive",
  idempotent: false,
  irreversible: "Apple MDM cannot turn a device on: someone at the device must.",
});
