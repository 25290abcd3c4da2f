import { z } from "zod";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import type { SystemUser } from "../../vendors/jumpcloud/schemas";
import { operation } from "../operation";
import {
  changeUser,
  EMAIL_COLUMN,
  EmailRow,
  emailKey,
  JcId,
  knownEmails,
  oneUser,
  type UserState,
  userAudit,
  userOfRow,
} from "./_user";

type ActivateItem = { userId: string; sendEmail: boolean };

/** A form's checkbox posts "on"; a caller may say true or false in words. */
export const FormFlag = z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")]);

/**
 * STAGED → ACTIVATED, on the user's page (a suspended user is reactivated
 * instead). JumpCloud sends its activation email unless asked not to.
 */
export default operation<ActivateItem, UserState | null, SystemUser>({
  ...oneUser,
  id: "jumpcloud.user.activated",
  label: "Activate users",
  help:
    "Activates each staged (never activated) user, with JumpCloud's activation email unless told not to. " +
    "This cannot be undone.",
  risk: "irreversible",
  // A second activation would send the activation email again.
  idempotent: false,
  input: z.object({ userId: JcId, sendEmail: FormFlag.default(true) }),
  expect: (_i, s) => ({ ...s, state: "ACTIVATED", suspended: false }),
  call: (ctx, [s]) =>
    s
      ? changeUser(ctx, s, {
          idempotent: false,
          send: (c: JumpCloudClient, i) => c.activateUser(i.userId, i.sendEmail),
          said: (name) => `JumpCloud: ${name} is ACTIVATED.`,
        })
      : Promise.resolve([]),
  irreversible: "JumpCloud has no call that returns a user to STAGED; suspend them instead.",
  audit: userAudit,
  // A sheet activates staged users with JumpCloud's activation email; an active one needs nothing.
  csv: {
    row: EmailRow,
    columns: [EMAIL_COLUMN],
    key: emailKey,
    check: knownEmails((u, email) => {
      if (u.state === "ACTIVATED") return "no_change";
      if (u.state === "SUSPENDED") return { refused: `${email} is suspended: reactivate them instead.` };
      return "update";
    }),
    toItem: (row, state) => ({ ...userOfRow(row, state), sendEmail: true }),
  },
  done: "Activated",
});
