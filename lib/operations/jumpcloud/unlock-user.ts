import { securityChange } from "./_security";
import { EMAIL_COLUMN, EmailRow, UserItem } from "./_user";

export default securityChange({
  id: "jumpcloud.user.unlocked",
  label: "Unlock users",
  help:
    "Unlocks each user locked out after too many failed sign-ins, and clears the failed sign-in count. " +
    "Users not locked as of the last sync are left as they are.",
  formerBulkId: "jumpcloud.unlock",
  input: UserItem,
  idempotent: true,
  row: EmailRow,
  columns: [EMAIL_COLUMN],
  already: (u) => u.accountLocked !== true,
  expect: () => ({ accountLocked: false }),
  send: (c, i) => c.unlockUser(i.userId),
  said: (name) => `JumpCloud: ${name} is unlocked.`,
  irreversible: "JumpCloud has no call that locks an account: it locks one itself after failed sign-ins.",
  done: "Unlocked",
});
