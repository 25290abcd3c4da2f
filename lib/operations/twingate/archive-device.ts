import { operation } from "../operation";
import { deviceVerb } from "./_device";

export default operation(
  deviceVerb({
    id: "twingate.device.archived",
    label: "Archive devices",
    help:
      "Archives each device: it leaves the active device list. Twingate un-archives a device by itself the next time " +
      "it connects, and each row's Undo un-archives it.",
    field: "activeState",
    to: (s) => ({ ...s, activeState: "ARCHIVED" }),
    send: (c, id) => c.deviceArchive(id),
    inverse: { op: "twingate.device.unarchived", label: "Unarchive" },
    bulk: {
      id: "twingate.device.archived",
      // A device has one state: archiving a blocked one drops the block; it comes back active when it next connects.
      refuse: (s) =>
        s.activeState === "BLOCKED"
          ? "The device is blocked: archiving it would lift the block when it next connects. " +
            "Unblock it first if that is meant."
          : null,
    },
  }),
);
