import { z } from "zod";
import { userSnapshot, userTarget } from "../../jumpcloud/targets";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import type * as S from "../../vendors/jumpcloud/schemas";
import { UPN_ALIASES, type ColumnSpec } from "../headers";
import { defineOperation, type PlannedRow } from "../operation";
import { inDoubt, refreshUser, userProblem, usersByEmail, withoutIds, type CachedUser, bulkJumpcloudClient, jumpcloudMessage } from "./jumpcloud-lookup";

// Account security changes by email, one JumpCloud call per user: unlock,
// expire the password, reset TOTP. Each is audited as the user page records
// the same action (userSnapshot before, the user re-read from JumpCloud
// after), so the audit log reads the same whether one user or a file did it.

const EMAIL_COLUMN: ColumnSpec = { field: "email", header: "email", aliases: UPN_ALIASES, required: true, example: "alice.smith@northwind.example" };
const Email = Upn;

/** The plan's view of a user: the snapshot the user page audits, with the id for the apply and the MFA fields a reset is about. */
const planSnapshot = (u: CachedUser) => ({ userId: u.vendorId, ...userSnapshot(u), mfaStatus: u.mfaStatus ?? null, totpEnabled: u.totpEnabled ?? null });

interface UserChange<R extends { email: string }> {
  id: string;
  label: string;
  description: string;
  action: string;
  destructive: boolean;
  /** A state change (unlock, expire) is; a reset is not: a resend would reset again. */
  repeatable: boolean;
  columns: ColumnSpec[];
  row: z.ZodType<R>;
  /** Already in the state the row asks for, per the cache: planned as no change. */
  already?: (u: CachedUser) => boolean;
  expected: (before: ReturnType<typeof planSnapshot>, row: R) => Record<string, unknown>;
  send: (client: JumpCloudClient, userId: string, row: R) => Promise<void>;
  done: (row: R) => string;
  /** What the event's after holds, from the user as JumpCloud answered after the change. */
  after: (u: S.SystemUser) => Record<string, unknown>;
  /** Why no undo reverses it (none of these has an opposite call at JumpCloud). */
  irreversible: string;
}

function userChange<R extends { email: string }>(o: UserChange<R>) {
  return defineOperation<R>({
    id: o.id, vendor: "jumpcloud", label: o.label, description: o.description,
    destructive: o.destructive, repeatable: o.repeatable, chunkSize: 1,
    columns: o.columns, row: o.row,
    key: (r) => normEmail(r.email),
    plan: async (db, tenantId, rows) => {
      const find = await usersByEmail(db, tenantId, rows.map((r) => r.email));
      return rows.map((r): PlannedRow => {
        const found = find(r.email);
        const problem = userProblem(r.email, found);
        if (problem) return { plan: "error", error: problem };
        const before = planSnapshot(found[0]);
        if (o.already?.(found[0])) return { plan: "no_change", before, after: before };
        return { plan: "update", before, after: { ...before, ...o.expected(before, r) } };
      });
    },
    apply: async (ctx, rows) => {
      const client = bulkJumpcloudClient(ctx.connection);
      const find = await usersByEmail(ctx.db, ctx.tenantId, rows.map((r) => r.email));
      return Promise.all(rows.map(async (r) => {
        const u = find(r.email)[0];
        if (!u) return { ok: false, message: "The user is not in the cache any more; sync JumpCloud and retry." };
        try {
          await o.send(client, u.vendorId, r);
        } catch (err) {
          // Not repeatable and unanswered: the row ends "unknown", not "failed" (it may have been applied).
          if (!o.repeatable && inDoubt(err)) throw err;
          return { ok: false, message: jumpcloudMessage(err) };
        }
        const now = await refreshUser(ctx.db, ctx.tenantId, client, u.vendorId);
        return { ok: true, message: o.done(r), ...(now ? { after: { userId: u.vendorId, ...o.after(now) } } : {}) };
      }));
    },
    audit: {
      action: o.action,
      target: (r, p) => userTarget((p.before as { userId?: string } | null)?.userId ?? normEmail(r.email), r.email),
      // The user page's shape, so the log (and an undo, where one exists) treats a bulk row like a single change.
      values: (_r, p) => ({ before: userSnapshot(p.before as never), after: withoutIds(p.after, "userId", "totpEnabled") }),
      irreversible: o.irreversible,
    },
  });
}

const EmailRow = z.object({ email: Email });
type EmailRow = z.infer<typeof EmailRow>;

export const jumpcloudUnlock = userChange<EmailRow>({
  id: "jumpcloud.unlock", label: "JumpCloud: unlock users", action: "jumpcloud.user.unlocked",
  description: "Unlocks each user locked out after too many failed sign-ins, and clears the failed sign-in count. Users not locked as of the last sync are left as they are.",
  destructive: false, repeatable: true, columns: [EMAIL_COLUMN], row: EmailRow,
  already: (u) => u.accountLocked !== true,
  expected: () => ({ accountLocked: false }),
  send: (c, id) => c.unlockUser(id),
  done: (r) => `JumpCloud: ${r.email} is unlocked.`,
  after: (u) => userSnapshot(u)!,
  irreversible: "JumpCloud has no call that locks an account: it locks one itself after failed sign-ins.",
});

export const jumpcloudExpirePassword = userChange<EmailRow>({
  id: "jumpcloud.expire_password", label: "JumpCloud: expire passwords", action: "jumpcloud.user.password_expired",
  description: "Expires each user's password: they must choose a new one at their next sign-in. Users whose password was already expired at the last sync are left as they are. This cannot be undone.",
  destructive: true, repeatable: true, columns: [EMAIL_COLUMN], row: EmailRow,
  already: (u) => u.passwordExpired === true,
  expected: () => ({ passwordExpired: true }),
  send: (c, id) => c.expirePassword(id),
  done: (r) => `JumpCloud: ${r.email}'s password is expired.`,
  after: (u) => userSnapshot(u)!,
  irreversible: "JumpCloud has no call that makes an expired password valid again.",
});

const ResetRow = z.object({
  email: Email,
  /** As on the user page: days the user may still sign in without TOTP while enrolling again; 0 = no window. */
  exclusionDays: z.string().regex(/^\d{1,3}$/, "exclusionDays must be a whole number of days (0–365)").optional()
    .transform((v) => (v === undefined ? 7 : Number(v))).pipe(z.number().max(365, "exclusionDays must be at most 365")),
});
type ResetRow = z.infer<typeof ResetRow>;

/** A reset is not repeatable and leaves no state that tells whether this row's request was the one that did it: `check` cannot answer. */
export const jumpcloudResetMfa = defineOperation<ResetRow>({
  ...userChange<ResetRow>({
    id: "jumpcloud.reset_mfa", label: "JumpCloud: reset MFA (TOTP)", action: "jumpcloud.user.mfa_reset",
    description: "Resets each user's TOTP authenticator: they must enrol again. Within the exclusion window (exclusionDays, default 7; 0 = none) they may still sign in without TOTP; after it, TOTP-protected resources lock them out until they enrol. This cannot be undone.",
    destructive: true, repeatable: false,
    columns: [EMAIL_COLUMN, { field: "exclusionDays", header: "exclusionDays", aliases: ["exclusion days", "grace days", "days"], required: false, example: "7", hint: "days to enrol again without being locked out; 0 = none, default 7" }],
    row: ResetRow,
    expected: (_b, r) => ({ mfaStatus: "reset", totpEnabled: false, exclusionDays: r.exclusionDays }),
    send: (c, id, r) => c.resetMfa(id, r.exclusionDays > 0 ? { exclusion: true, exclusionDays: r.exclusionDays } : { exclusion: false }),
    done: (r) => `JumpCloud: ${r.email}'s TOTP is reset${r.exclusionDays > 0 ? `; they may enrol again within ${r.exclusionDays} day${r.exclusionDays === 1 ? "" : "s"}` : ""}.`,
    // The user page's after: the snapshot with the enrolment status and the end of the window.
    after: (u) => ({ ...userSnapshot(u)!, mfaStatus: u.mfaEnrollment?.overallStatus ?? null, exclusionUntil: u.mfa?.exclusionUntil ?? null }),
    irreversible: "The user enrols TOTP again; JumpCloud has no call that gives an enrolment back.",
  }),
  check: async () => null,
});
