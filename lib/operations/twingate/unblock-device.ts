import { operation } from "../operation";
import { deviceVerb } from "./_device";

export default operation(
  deviceVerb({
    id: "twingate.device.unblocked",
    label: "Unblock devices",
    help: "Unblocks each blocked device; a device that is not blocked needs no change.",
    field: "activeState",
    to: (s) => ({ ...s, activeState: s.activeState === "BLOCKED" ? "ACTIVE" : s.activeState }),
    send: (c, id) => c.deviceUnblock(id),
    inverse: { op: "twingate.device.blocked", label: "Block again" },
    bulk: { id: "twingate.device_unblock" },
  }),
);
