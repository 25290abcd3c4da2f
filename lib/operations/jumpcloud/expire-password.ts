import { securityChange } from "./_security";
import { EMAIL_COLUMN, EmailRow, UserItem } from "./_user";

export default securityChange({
  id: "jumpcloud.user.password_expired",
  label: "Expire passwords",
  help:
    "Expires each user's password: they must choose a new one at their next sign-in. Users whose password " +
    "was already expired at the last sync are left as they are. This cannot be undone.",
  formerBulkId: "jumpcloud.expire_password",
  input: UserItem,
  idempotent: true,
  row: EmailRow,
  columns: [EMAIL_COLUMN],
  already: (u) => u.passwordExpired === true,
  expect: () => ({ passwordExpired: true }),
  send: (c, i) => c.expirePassword(i.userId),
  said: (name) => `JumpCloud: ${name}'s password is expired.`,
  irreversible: "JumpCloud has no call that makes an expired password valid again.",
  done: "Password expired",
});
