import { operation } from "../operation";
import { deviceVerb } from "./_device";

export default operation(
  deviceVerb({
    id: "twingate.device.untrusted",
    label: "Untrust devices",
    help: "Marks each device not trusted: resources whose policy asks for a trusted device no longer admit it.",
    field: "isTrusted",
    to: (s) => ({ ...s, isTrusted: false }),
    send: (c, id) => c.deviceUpdate(id, false),
    inverse: { op: "twingate.device.trusted", label: "Trust again" },
    bulk: {},
  }),
);
