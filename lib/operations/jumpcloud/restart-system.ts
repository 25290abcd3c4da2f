import { agentCommand } from "./_agent-command";

/** Interrupts one person: operator work. */
export default agentCommand({
  id: "jumpcloud.system.restarted",
  command: "restart",
  label: "Restart system",
  help: "Restarts the system now; unsaved work on it is lost.",
  perm: "jumpcloud.write",
  risk: "irreversible",
  idempotent: false,
  irreversible: "A restart cannot be taken back, and the unsaved work it lost is gone.",
});
