import { mdmCommand } from "./_mdm-command";

/** Wipes and unenrols the device: admin work, confirmed by typing the system's name (checked by the server too). */
export default mdmCommand({
  id: "jumpcloud.mdm_device.erased",
  command: "erase",
  label: "MDM erase device",
  help: "Apple MDM wipes the device and unenrols it. Everything on it is lost for good. A Mac needs a PIN.",
  perm: "jumpcloud.destructive",
  risk: "destructive",
  idempotent: false,
  irreversible: "An erased device cannot be restored, and it is no longer enrolled.",
});
