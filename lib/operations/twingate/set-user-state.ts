import { z } from "zod";
import { operation } from "../operation";
import { userChange } from "./_user";

/** A sheet's words for the two states a person may set ("suspended" is how other consoles say disabled). */
const STATES = { active: "ACTIVE", disabled: "DISABLED", suspended: "DISABLED", enabled: "ACTIVE" } as const;

export default operation(
  userChange({
    id: "twingate.user.state_changed",
    label: "Suspend or restore users",
    help: "Sets each user's state to active or disabled. A disabled user cannot connect until restored.",
    perm: "twingate.write",
    field: "state",
    value: z.enum(["ACTIVE", "DISABLED"]),
    cell: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(["active", "disabled", "suspended", "enabled"], "state must be active or disabled"))
      .transform((s) => STATES[s]),
    column: { header: "state", aliases: ["status", "userstate"], example: "disabled", hint: "active or disabled" },
    send: (c, i) => c.userDetailsUpdate({ id: i.userId, state: i.state as "ACTIVE" | "DISABLED" }),
    // A PENDING user (invited, not yet signed in) cannot be set back to pending.
    inverse: { label: "Restore the previous state", restorable: (s) => s === "ACTIVE" || s === "DISABLED" },
    formerBulkId: "twingate.user_state",
  }),
);
