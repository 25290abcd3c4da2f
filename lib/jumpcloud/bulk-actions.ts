"use server";
import { actionOf } from "../operations/derive/action";
import bulkCreate from "../operations/jumpcloud/bulk-create-users";
import bulkExpire from "../operations/jumpcloud/bulk-expire-passwords";
import bulkUnlock from "../operations/jumpcloud/bulk-unlock-users";
import bulkUpdate from "../operations/jumpcloud/bulk-update-users";
import cancelScheduled from "../operations/jumpcloud/cancel-scheduled-states";
import scheduleStates from "../operations/jumpcloud/schedule-user-states";

// JumpCloud's bulk endpoints. Each call starts a job at JumpCloud and is
// audited with the job's id; bulk-results.ts reads the results back. Each is
// an operation (lib/operations/jumpcloud/: bulk-*.ts, *-scheduled-states.ts).

/** Users chosen either as ids (selected rows) or as emails, one per line (the bulk page). */
type Who = { tenantId: string; userIds?: string[]; emails?: string };
type Started = { jobId: string; count: number };

export const bulkUnlockUsers = actionOf<Who, Started>(bulkUnlock);
export const bulkExpirePasswords = actionOf<Who, Started>(bulkExpire);

type Schedule = Who & { state: "ACTIVATED" | "SUSPENDED"; startDate: string; sendActivationEmails?: boolean };
export const scheduleUserStates = actionOf<Schedule, { count: number; scheduledDate: string | null }>(scheduleStates);

/** Cancels scheduled state changes that have not run yet: the undo of scheduleUserStates. */
export const cancelScheduledStates = actionOf<
  { tenantId: string; scheduledJobIds: string[]; undoOf?: string },
  { count: number }
>(cancelScheduled);

/** A header line (email, then fields), one user per line: JumpCloud's bulk update job (bulk-user-updates.ts). */
export const bulkUpdateUsers = actionOf<{ tenantId: string; updates: string }, Started>(bulkUpdate);

/** email,username[,firstname[,lastname]] per line, read as CSV (bulk-new-users.ts); a header line is skipped. */
export const bulkCreateUsers = actionOf<{ tenantId: string; users: string }, Started>(bulkCreate);
