// v2 bulk jobs: users created, updated, expired and unlocked in one request, and scheduled state changes.

import { VendorError } from "../../core/vendor-error";
import { bulkJobDone } from "../bulk-job-done";
import { type JcCore, json, noContent, op, VENDOR, v2Page } from "../core";
import { type AllPagesOptions, allPages, type Page } from "../paging";
import * as S from "../schemas";

/** 201 per the spec, 200 per JumpCloud's own SDK: both accepted. */
export async function bulkCreateUsers(c: JcCore, users: S.BulkUserCreate[], creationSource?: string): Promise<string> {
  const headers = creationSource ? { "creation-source": creationSource } : {};
  const call = c.v2.POST("/bulk/users", { body: users as never, headers, ...op(c, "bulk_usersCreate", false) });
  return (await json(call, S.JobId, "bulk_usersCreate")).jobId;
}

export async function bulkUpdateUsers(
  c: JcCore,
  updates: ({ id: string } & Record<string, unknown>)[],
): Promise<string> {
  const call = c.v2.PATCH("/bulk/users", { body: updates as never, ...op(c, "bulk_usersUpdate", false) });
  return (await json(call, S.JobId, "bulk_usersUpdate")).jobId;
}

/** One page of a job's results: v2 spec, limit default 10, at most 100, with skip. */
function bulkUserResultsPage(
  c: JcCore,
  jobId: string,
  query: { limit: number; skip: number },
): Promise<Page<S.BulkJobResult>> {
  const o = { params: { path: { job_id: jobId }, query }, ...op(c, "bulk_usersCreateResults", true) };
  return v2Page(c.v2.GET("/bulk/users/{job_id}/results", o), S.BulkJobResult, "bulk_usersCreateResults");
}

/** Every result the job has so far, all pages of them: a job of 500 users has 500. */
export function bulkUserResults(c: JcCore, jobId: string, opts?: AllPagesOptions): Promise<S.BulkJobResult[]> {
  return allPages((skip, limit) => bulkUserResultsPage(c, jobId, { skip, limit }), opts);
}

/** Polls the job's results until every item (`expected` of them, when known) has finished or failed. */
export async function waitForBulkUserResults(
  c: JcCore,
  jobId: string,
  opts: { intervalMs?: number; timeoutMs?: number; expected?: number } = {},
): Promise<S.BulkJobResult[]> {
  const interval = opts.intervalMs ?? 1_000;
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    const results = await bulkUserResults(c, jobId);
    if (bulkJobDone(results, opts.expected)) return results;
    if (Date.now() + interval > deadline) {
      throw new VendorError({
        vendor: VENDOR,
        operation: "bulk_usersCreateResults",
        kind: "timeout",
        status: null,
        retryable: true,
        vendorMessage: `job ${jobId} had no final results within ${opts.timeoutMs ?? 120_000} ms`,
      });
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

export async function bulkExpireUsers(c: JcCore, userIds: string[]): Promise<string> {
  const body = userIds.map((id) => ({ id })) as never;
  const call = c.v2.POST("/bulk/user/expires", { body, ...op(c, "bulk_userExpires", false) });
  return (await json(call, S.JobId, "bulk_userExpires")).jobId;
}

export async function bulkUnlockUsers(c: JcCore, userIds: string[]): Promise<string> {
  const body = userIds.map((id) => ({ id }));
  const call = c.v2.POST("/bulk/user/unlocks", { body, ...op(c, "bulk_userUnlocks", false) });
  return (await json(call, S.JobId, "bulk_userUnlocks")).jobId;
}

export function scheduleUserStates(c: JcCore, body: S.BulkUserStatesCreate): Promise<S.ScheduledUserState[]> {
  const call = c.v2.POST("/bulk/userstates", { body: body as never, ...op(c, "bulk_userStatesCreate", false) });
  return json(call, S.ScheduledUserStates, "bulk_userStatesCreate");
}

/** Every scheduled state change (of one user, or all): the list is paged, v2 spec limit default 10, at most 100. */
export function listScheduledUserStates(c: JcCore, userId?: string): Promise<S.ScheduledUserState[]> {
  return allPages((skip, limit) => {
    const o = { params: { query: { userid: userId, skip, limit } }, ...op(c, "bulk_userStatesList", true) };
    return v2Page(c.v2.GET("/bulk/userstates", o), S.ScheduledUserState, "bulk_userStatesList");
  });
}

export function cancelScheduledUserState(c: JcCore, scheduledJobId: string): Promise<void> {
  const o = { params: { path: { id: scheduledJobId } }, ...op(c, "bulk_userStatesDelete", false) };
  return noContent(c.v2.DELETE("/bulk/userstates/{id}", o), "bulk_userStatesDelete", [200, 204]);
}
