import { z } from "zod";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import type { Checked, CsvSpec, OperationDef } from "../operation";
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
import { systemsNamed } from "./_system-names";

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
    // An erase is never a sheet's: each is confirmed by typing the system's name.
    ...(erase ? {} : { csv: systemSheet }),
    done: "Sent",
  };
  return op;
}

const Row = z.object({ system: z.string().trim().min(1, "system is empty").max(255) });
type Row = z.infer<typeof Row>;

/** A sheet of systems, one per row, each by hostname, display name or id as of the last sync. */
const systemSheet: CsvSpec<SystemItem, SystemState, Row> = {
  row: Row,
  columns: [
    {
      field: "system",
      header: "system",
      aliases: ["hostname", "host", "displayname", "display name", "device", "computer", "systemid"],
      required: true,
      example: "NW-LT-0042",
      hint: "hostname, display name or JumpCloud system ID",
    },
  ],
  key: (r) => r.system.toLowerCase(),
  check: async (ctx, rows): Promise<Checked<SystemState>[]> => {
    const { find } = await systemsNamed(
      ctx,
      rows.map((r) => r.system),
    );
    const found = rows.map((r) => find(r.system));
    const known = found.flatMap((f) => ("refused" in f ? [] : [{ systemId: f.vendorId }]));
    const states = await cachedSystems(ctx, known, { confirmed: false });
    let next = 0;
    return found.map((f) => {
      if ("refused" in f) return f;
      const b = states[next++];
      return !b || "refused" in b ? { refused: b?.refused ?? "Not found." } : { state: b.state, plan: "update" };
    });
  },
  toItem: (_r, s) => ({ systemId: s.systemId ?? "" }),
};
