import { z } from "zod";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import type { SystemUser } from "../../vendors/jumpcloud/schemas";
import { operation } from "../operation";
import { changeUser, JcId, oneUser, type UserState, userAudit } from "./_user";
import { FormFlag } from "./activate-user";

/**
 * A password the technician gives the user (on the phone, on paper), which JumpCloud's own password policy checks.
 * At most 128 characters, as any sane policy allows; the policy's minimum and rules are JumpCloud's to enforce.
 */
const Password = z.string().min(1, "Enter a password.").max(128, "At most 128 characters.");

const MUST_CHANGE = "; they choose their own at next sign-in";

type Item = { userId: string; password: string; mustChange: boolean };

/**
 * Sets a user's password, by default one they must change at their next sign-in (the password is then expired at
 * once, so it works exactly once). The password goes to JumpCloud and nowhere else: not the log, not the cache.
 */
export default operation<Item, UserState | null, SystemUser>({
  ...oneUser,
  id: "jumpcloud.user.password_set",
  label: "Set a temporary password",
  help:
    "Sets the user's password to one you give them; by default they must choose their own at their next sign-in. " +
    "JumpCloud's password policy decides what it accepts.",
  perm: "jumpcloud.write",
  risk: "irreversible",
  // Setting the same password twice leaves the same password.
  idempotent: true,
  input: z.object({ userId: JcId, password: Password, mustChange: FormFlag.default(true) }),
  expect: (i, s) => ({ ...s, passwordExpired: i.mustChange }),
  call: (ctx, [s]) =>
    s
      ? changeUser(ctx, s, {
          idempotent: true,
          send: async (c: JumpCloudClient, i) => {
            await c.updateUser(i.userId, { password: i.password });
            if (i.mustChange) await c.expirePassword(i.userId);
          },
          said: (name) => `JumpCloud: ${name}'s password is set${s.item.mustChange ? MUST_CHANGE : ""}.`,
        })
      : Promise.resolve([]),
  irreversible: "JumpCloud keeps no former password to put back; the user can be given another.",
  audit: {
    targets: userAudit.targets,
    before: userAudit.before,
    // What changed, never the password itself.
    after: (done) => {
      const d = done[0];
      return d?.outcome.ok ? { ...userAudit.after(done), passwordSet: true, mustChange: d.item.mustChange } : undefined;
    },
  },
  done: "Password set",
});
