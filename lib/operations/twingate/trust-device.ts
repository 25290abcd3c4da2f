import { operation } from "../operation";
import { deviceVerb } from "./_device";

export default operation(
  deviceVerb({
    id: "twingate.device.trusted",
    label: "Trust devices",
    help:
      "Marks each device trusted, so resources whose policy asks for a trusted device admit it " +
      "(each row's Undo untrusts it).",
    field: "isTrusted",
    to: (s) => ({ ...s, isTrusted: true }),
    send: (c, id) => c.deviceUpdate(id, true),
    inverse: { op: "twingate.device.untrusted", label: "Untrust" },
    bulk: { id: "twingate.device_trust" },
  }),
);
