import { operation } from "../operation";
import { deviceVerb } from "./_device";

export default operation(
  deviceVerb({
    id: "twingate.device.blocked",
    label: "Block devices",
    help: "Blocks each device: it cannot connect to the network until unblocked (each row's Undo unblocks it).",
    field: "activeState",
    to: (s) => ({ ...s, activeState: "BLOCKED" }),
    send: (c, id) => c.deviceBlock(id),
    inverse: { op: "twingate.device.unblocked", label: "Unblock" },
    bulk: { id: "twingate.device_block" },
  }),
);
