import { z } from "zod";
import type { AuditAction } from "../../audit/event-types";
import { userTarget } from "../../jumpcloud/targets";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import type { Before, CacheContext, Done, OperationDef } from "../operation";

// JumpCloud's own bulk endpoints (v2 /bulk/users…): one call starts one job
// at JumpCloud for many users, so the item is the whole job; the job is
// audited with its id, by which the bulk page lists it and reads its results
// (lib/jumpcloud/bulk-results.ts).

/** v2 bulk endpoints: the console sends at most this many users in one job. */
export const MAX = 500;
const Id = z
  .string()
  .trim()
  .regex(/^[a-f0-9]{24}$/i);

/** Users chosen either as ids (selected rows) or as emails, one per line (the bulk page). */
export const Who = z.object({
  userIds: z.array(Id).max(MAX).optional(),
  emails: z.string().max(100_000).optional(),
});
export type Who = z.output<typeof Who>;

type JobUser = {
  vendorId: string;
  email: string;
  username: string;
  /** As the last sync saw the user: what the job's event records as each user's before. */
  state?: string | null;
  accountLocked?: boolean | null;
  passwordExpired?: boolean | null;
};
/** The cached users the job is for. */
export type JobUsers = { users: JobUser[] };

/** Why a job naming users the cache does not know is refused: the first ten of them, and how many more. */
export function notUsers(unknown: string[]): string {
  const more = unknown.length > 10 ? ` and ${unknown.length - 10} more` : "";
  return `Not JumpCloud users of this tenant (as of the last sync): ${unknown.slice(0, 10).join(", ")}${more}`;
}

/** The users an item names, as of the last sync; an email the cache does not know refuses the whole job. */
export async function jobUsers<I extends Who>(ctx: CacheContext, items: I[]): Promise<Before<JobUsers, I>[]> {
  return Promise.all(items.map((i) => usersOf(ctx, i)));
}

async function usersOf<I extends Who>(ctx: CacheContext, i: I): Promise<Before<JobUsers, I>> {
  const emails = (i.emails ?? "")
    .split(/[\s,;]+/)
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  const rows = await ctx.db.jumpcloudUser.findMany({
    where: {
      tenantId: ctx.tenantId,
      deletedAt: null,
      OR: [{ vendorId: { in: i.userIds ?? [] } }, { emailNorm: { in: emails } }],
    },
    select: { vendorId: true, email: true, username: true, emailNorm: true, state: true, raw: true },
  });
  const known = new Set(rows.map((r) => r.emailNorm));
  const unknown = emails.filter((e) => !known.has(e));
  if (unknown.length) return { refused: notUsers(unknown) };
  if (rows.length === 0) return { refused: "Choose at least one user." };
  if (rows.length > MAX) return { refused: `At most ${MAX} users in one job.` };
  const flag = (raw: unknown, key: string) => {
    const v = (raw as Record<string, unknown> | null)?.[key];
    return typeof v === "boolean" ? v : null;
  };
  const users = rows.map((r) => ({
    vendorId: r.vendorId,
    email: r.email,
    username: r.username,
    state: r.state,
    accountLocked: flag(r.raw, "account_locked"),
    passwordExpired: flag(r.raw, "password_expired"),
  }));
  return { state: { users } };
}

/** Each user of a job as the last sync saw them: a job's event keeps it as its before. */
export function usersBefore(s: JobUsers) {
  return {
    users: s.users.map((u) => ({
      id: u.vendorId,
      email: u.email,
      state: u.state ?? null,
      accountLocked: u.accountLocked ?? null,
      passwordExpired: u.passwordExpired ?? null,
    })),
  };
}

/** Every user of the job, named by email (or username). */
export const jobTargets = (_i: unknown, s?: JobUsers | null) =>
  (s?.users ?? []).map((u) => userTarget(u.vendorId, u.email || u.username));

/** What every job shares: one call per job, named "job" in a toast, in JumpCloud's bulk endpoints' words. */
export const oneJob = {
  vendor: "jumpcloud" as const,
  perm: "jumpcloud.write" as const,
  chunk: 1,
  name: () => "job",
};

/** The job's id as JumpCloud answered it, and how many users it was started for: what the bulk page polls with. */
const started = (done: Done<unknown, JobUsers | null, string>[]) => {
  const d = done.find((x) => x.outcome.ok);
  return d && { jobId: d.outcome.answer ?? "", count: d.state?.users.length ?? 0 };
};

/**
 * A job that changes each user the same way (unlock, expire the password),
 * audited as the bulk page records it: the users, and after, the kind, the
 * job's id and its size.
 */
export function userJob(o: {
  id: AuditAction;
  kind: "unlock" | "expire";
  label: string;
  help: string;
  start: (c: JumpCloudClient, userIds: string[]) => Promise<string>;
  irreversible: string;
}) {
  const op: OperationDef<Who, JobUsers, string> = {
    ...oneJob,
    id: o.id,
    label: o.label,
    help: o.help,
    risk: "irreversible",
    // A second job changes nothing the first did not: an unlocked user stays unlocked.
    idempotent: true,
    input: Who,
    before: jobUsers,
    expect: (_i, s) => ({ kind: o.kind, count: s.users.length }),
    call: async (ctx, [s]) => {
      if (!s) return [];
      const jobId = await o.start(
        ctx.client as JumpCloudClient,
        s.state.users.map((u) => u.vendorId),
      );
      return [{ ok: true, message: `JumpCloud started job ${jobId}.`, answer: jobId }];
    },
    irreversible: o.irreversible,
    audit: {
      targets: jobTargets,
      before: ([s]) => s && usersBefore(s.state),
      after: (done) => {
        const s = started(done);
        return s && { kind: o.kind, ...s };
      },
    },
    done: "Job started",
    result: (done) => started(done),
  };
  return op;
}
