import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import type { OperationDef } from "../operation";
import {
  type CommandText,
  cachedSystems,
  confirmed,
  oneSystem,
  type SystemItem,
  SystemItem as SystemItemSchema,
  type SystemState,
  systemBefore,
  systemTargets,
} from "./_system";

type Command = "lock" | "restart" | "shutdown" | "erase";

/**
 * A command JumpCloud's agent runs on the system (v1 POST
 * /systems/{id}/command/builtin/{command}). Audited as the system page
 * records it: the system, and after, the command and that the agent ran it.
 */
export function agentCommand({ command, ...text }: CommandText & { command: Command }) {
  const erase = command === "erase";
  const sent = { command, via: "builtin" };
  const op: OperationDef<SystemItem, SystemState> = {
    ...oneSystem,
    ...text,
    input: erase ? confirmed(SystemItemSchema) : SystemItemSchema,
    before: (ctx, items) => cachedSystems(ctx, items, { confirmed: erase }),
    expect: () => sent,
    call: async (ctx, [s]) => {
      if (!s) return [];
      await (ctx.client as JumpCloudClient).systemCommand(s.item.systemId, command);
      return [{ ok: true, message: `JumpCloud accepted the ${command} command for ${s.state.name}.` }];
    },
    audit: {
      targets: systemTargets,
      before: ([s]) => s && systemBefore(s.state),
      after: (done) => (done.some((d) => d.outcome.ok) ? sent : undefined),
    },
    done: "Sent",
  };
  return op;
}
