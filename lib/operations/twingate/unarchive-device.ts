import { operation } from "../operation";
import { deviceVerb } from "./_device";

export default operation(
  deviceVerb({
    id: "twingate.device.unarchived",
    label: "Unarchive devices",
    help: "Returns each archived device to the active device list.",
    field: "activeState",
    to: (s) => ({ ...s, activeState: s.activeState === "ARCHIVED" ? "ACTIVE" : s.activeState }),
    send: (c, id) => c.deviceUnarchive(id),
    inverse: { op: "twingate.device.archived", label: "Archive again" },
    bulk: {},
  }),
);
