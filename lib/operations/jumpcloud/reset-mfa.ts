import { z } from "zod";
import { Upn } from "../../people/upn";
import { securityChange } from "./_security";
import { answeredUser, EMAIL_COLUMN, JcId } from "./_user";

type ResetItem = { userId: string; exclusionDays: number };

const ResetItem = z.object({
  userId: JcId,
  /**
   * Days the user may still sign in without TOTP while enrolling again; 0 = no window (locked out of
   * TOTP-protected resources at once).
   */
  exclusionDays: z.coerce.number().int().min(0).max(365).default(7),
});

/** A sheet's row: as on the user page, exclusionDays is optional (7) and 0 means no window. */
const ResetRow = z.object({
  email: Upn,
  exclusionDays: z
    .string()
    .regex(/^\d{1,3}$/, "exclusionDays must be a whole number of days (0–365)")
    .optional()
    .transform((v) => (v === undefined ? 7 : Number(v)))
    .pipe(z.number().max(365, "exclusionDays must be at most 365")),
});

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** Not repeatable, and nothing JumpCloud keeps tells whether a row's request was the one that reset: never resent. */
export default securityChange<ResetItem, z.infer<typeof ResetRow>>({
  id: "jumpcloud.user.mfa_reset",
  label: "Reset MFA (TOTP)",
  help:
    "Resets each user's TOTP authenticator: they must enrol again. Within the exclusion window (exclusionDays, " +
    "default 7; 0 = none) they may still sign in without TOTP; after it, TOTP-protected resources lock them out " +
    "until they enrol. This cannot be undone.",
  formerBulkId: "jumpcloud.reset_mfa",
  input: ResetItem,
  idempotent: false,
  row: ResetRow,
  columns: [
    EMAIL_COLUMN,
    {
      field: "exclusionDays",
      header: "exclusionDays",
      aliases: ["exclusion days", "grace days", "days"],
      required: false,
      example: "7",
      hint: "days to enrol again without being locked out; 0 = none, default 7",
    },
  ],
  toItem: (row, state) => ({ userId: state.userId, exclusionDays: row.exclusionDays }),
  expect: (i) => ({ mfaStatus: "reset", totpEnabled: false, exclusionDays: i.exclusionDays }),
  send: (c, i) =>
    c.resetMfa(
      i.userId,
      i.exclusionDays > 0 ? { exclusion: true, exclusionDays: i.exclusionDays } : { exclusion: false },
    ),
  said: (name, i) =>
    `JumpCloud: ${name}'s TOTP is reset` +
    (i.exclusionDays > 0 ? `; they may enrol again within ${days(i.exclusionDays)}` : "") +
    ".",
  // The user page's after: the snapshot with the enrolment status and the end of the window.
  afterMore: (u) => ({
    mfaStatus: u?.mfaEnrollment?.overallStatus ?? null,
    exclusionUntil: u?.mfa?.exclusionUntil ?? null,
  }),
  irreversible: "The user enrols TOTP again; JumpCloud has no call that gives an enrolment back.",
  // A reset leaves no state that tells whether this row's request was the one that did it: cannot tell.
  verify: async () => null,
  done: "MFA reset",
  // The page says until when the user may enrol without TOTP.
  result: (done) => ({ ...answeredUser(done), exclusionUntil: done[0]?.outcome.answer?.mfa?.exclusionUntil ?? null }),
});
