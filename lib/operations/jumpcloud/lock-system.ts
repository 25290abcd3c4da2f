import { agentCommand } from "./_agent-command";

/** Interrupts one person: operator work. */
export default agentCommand({
  id: "jumpcloud.system.locked",
  command: "lock",
  label: "Lock system",
  help: "Locks the system's screen now; the signed-in user must sign in again. Unsaved work stays open.",
  perm: "jumpcloud.write",
  risk: "irreversible",
  idempotent: true,
  irreversible: "JumpCloud has no unlock command: the user unlocks the screen by signing in.",
});
