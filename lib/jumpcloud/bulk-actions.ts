"use server";
import { z } from "zod";
import { action, ActionError } from "../actions/action";
import { db } from "../db";
import { BULK_ACTIONS } from "./bulk-kinds";
import { readNewUsers } from "./bulk-new-users";
import { UndoOf } from "../undo/undo-of";
import { userTarget } from "./targets";
import { jumpcloudFor, withVendor } from "./vendor";

// JumpCloud's bulk endpoints. Each call starts a job at JumpCloud and is
// audited with the job's id; bulk-results.ts reads the results back.

const MAX = 500;
const Id = z.string().trim().regex(/^[a-f0-9]{24}$/i);

/** Users chosen either as ids (selected rows) or as emails, one per line (the bulk page). */
const Who = z.object({
  tenantId: z.string().min(1),
  userIds: z.array(Id).max(MAX).optional(),
  emails: z.string().max(100_000).optional(),
});

async function resolveUsers(i: z.output<typeof Who>) {
  const emails = (i.emails ?? "").split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean);
  const rows = await db().jumpcloudUser.findMany({
    where: { tenantId: i.tenantId, deletedAt: null, OR: [{ vendorId: { in: i.userIds ?? [] } }, { emailNorm: { in: emails } }] },
    select: { vendorId: true, email: true, username: true, emailNorm: true },
  });
  const known = new Set(rows.map((r) => r.emailNorm));
  const unknown = emails.filter((e) => !known.has(e));
  if (unknown.length) throw new ActionError(`Not JumpCloud users of this tenant (as of the last sync): ${unknown.slice(0, 10).join(", ")}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ""}`);
  if (rows.length === 0) throw new ActionError("Choose at least one user.");
  if (rows.length > MAX) throw new ActionError(`At most ${MAX} users in one job.`);
  return rows;
}

/** Even a refused or pending bulk event says which vendor it was for. */
const onJumpcloud = () => ({ vendor: "jumpcloud" as const, targets: [] });

const targetsOf = (rows: { vendorId: string; email: string; username: string }[]) => rows.map((r) => userTarget(r.vendorId, r.email || r.username));

export const bulkUnlockUsers = action(
  { name: BULK_ACTIONS.unlock, perm: "jumpcloud.write", mode: "external", input: Who, tenant: (i) => i.tenantId, describe: onJumpcloud },
  async (i, ctx) => {
    const rows = await resolveUsers(i);
    ctx.audit.vendor = "jumpcloud";
    ctx.audit.targets = targetsOf(rows);
    const client = await jumpcloudFor(i.tenantId);
    const jobId = await withVendor(() => client.bulkUnlockUsers(rows.map((r) => r.vendorId)));
    ctx.audit.after = { kind: "unlock", jobId, count: rows.length };
    return { jobId, count: rows.length };
  },
);

export const bulkExpirePasswords = action(
  { name: BULK_ACTIONS.expire, perm: "jumpcloud.write", mode: "external", input: Who, tenant: (i) => i.tenantId, describe: onJumpcloud },
  async (i, ctx) => {
    const rows = await resolveUsers(i);
    ctx.audit.vendor = "jumpcloud";
    ctx.audit.targets = targetsOf(rows);
    const client = await jumpcloudFor(i.tenantId);
    const jobId = await withVendor(() => client.bulkExpireUsers(rows.map((r) => r.vendorId)));
    ctx.audit.after = { kind: "expire", jobId, count: rows.length };
    return { jobId, count: rows.length };
  },
);

export const scheduleUserStates = action(
  {
    name: BULK_ACTIONS.states, perm: "jumpcloud.write", mode: "external", tenant: (i) => i.tenantId, describe: onJumpcloud,
    input: Who.extend({
      state: z.enum(["ACTIVATED", "SUSPENDED"]),
      /** From a datetime-local field, in the operator's browser time, sent as ISO. */
      startDate: z.iso.datetime({ offset: true, error: "A date and time" }),
      sendActivationEmails: z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")]).default(false),
    }),
  },
  async (i, ctx) => {
    const rows = await resolveUsers(i);
    ctx.audit.vendor = "jumpcloud";
    ctx.audit.targets = targetsOf(rows);
    const client = await jumpcloudFor(i.tenantId);
    const scheduled = await withVendor(() => client.scheduleUserStates({
      user_ids: rows.map((r) => r.vendorId), state: i.state, start_date: new Date(i.startDate).toISOString(),
      ...(i.state === "ACTIVATED" ? { send_activation_emails: i.sendActivationEmails } : {}),
    }));
    ctx.audit.after = { kind: "states", state: i.state, startDate: new Date(i.startDate).toISOString(), count: scheduled.length, scheduledJobIds: scheduled.map((s) => s.scheduledJobId) };
    return { count: scheduled.length, scheduledDate: scheduled[0]?.scheduledDate ?? null };
  },
);

/** Cancels scheduled state changes that have not run yet: the undo of scheduleUserStates. */
export const cancelScheduledStates = action(
  {
    name: "jumpcloud.bulk.states_cancelled", perm: "jumpcloud.write", mode: "external", tenant: (i) => i.tenantId,
    input: z.object({ tenantId: z.string().min(1), scheduledJobIds: z.array(Id).min(1).max(MAX), undoOf: UndoOf }),
    describe: (i) => ({ vendor: "jumpcloud", targets: i.scheduledJobIds.slice(0, 100).map((id) => ({ type: "jumpcloud_scheduled_state", id })) }),
  },
  async (i, ctx) => {
    const client = await jumpcloudFor(i.tenantId);
    // One at a time, so that a failure says exactly which were cancelled before it.
    const cancelled: string[] = [];
    try {
      for (const id of i.scheduledJobIds) {
        await withVendor(() => client.cancelScheduledUserState(id));
        cancelled.push(id);
      }
    } finally {
      ctx.audit.after = { cancelled };
    }
    return { count: cancelled.length };
  },
);

/** email,username[,firstname[,lastname]] per line, read as CSV (bulk-new-users.ts); a header line is skipped. */
const NewUsers = z.string().max(200_000).transform((text, ctx) => {
  const { users, problems } = readNewUsers(text);
  for (const message of problems) ctx.addIssue({ code: "custom", message });
  if (users.length === 0 && problems.length === 0) ctx.addIssue({ code: "custom", message: "No users to create." });
  if (users.length > MAX) ctx.addIssue({ code: "custom", message: `At most ${MAX} users in one job.` });
  return users;
});

export const bulkCreateUsers = action(
  { name: BULK_ACTIONS.create, perm: "jumpcloud.write", mode: "external", tenant: (i) => i.tenantId, describe: onJumpcloud, input: z.object({ tenantId: z.string().min(1), users: NewUsers }) },
  async (i, ctx) => {
    ctx.audit.vendor = "jumpcloud";
    ctx.audit.targets = i.users.slice(0, 100).map((u) => ({ type: "jumpcloud_user", id: u.email, label: u.username }));
    const client = await jumpcloudFor(i.tenantId);
    const jobId = await withVendor(() => client.bulkCreateUsers(i.users));
    ctx.audit.after = { kind: "create", jobId, count: i.users.length, emails: i.users.map((u) => u.email) };
    return { jobId, count: i.users.length };
  },
);
