import { agentCommand } from "./_agent-command";

/** Nobody can turn the system back on remotely: admin work. */
export default agentCommand({
  id: "jumpcloud.system.shut_down",
  command: "shutdown",
  label: "Shut down system",
  help: "Turns the system off; nobody can turn it back on remotely. Unsaved work is lost.",
  perm: "jumpcloud.destructive",
  risk: "destructive",
  idempotent: false,
  irreversible: "JumpCloud cannot turn a system on: someone at the system must.",
});
