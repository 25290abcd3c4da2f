import { agentCommand } from "./_agent-command";

/** Wipes the disk: admin work, confirmed by typing the system's name (checked by the server too). */
export default agentCommand({
  id: "jumpcloud.system.erased",
  command: "erase",
  label: "Erase system",
  help: "Wipes the system's disk. Everything on it is lost for good. Confirmed by typing the system's name.",
  perm: "jumpcloud.destructive",
  risk: "destructive",
  idempotent: false,
  irreversible: "An erased disk cannot be restored.",
});
