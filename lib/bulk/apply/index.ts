import type { Db } from "../../db/client";
import { type ApplyOptions, type ApplyResult, finishJob, startJob } from "./job";
import { Lanes } from "./lanes";
import { resumeInDoubt } from "./resume";
import { Settler } from "./settler";

export type { ApplyOptions } from "./job";
export { bulkProgress } from "./progress";
export { type ApplyStats, newApplyStats } from "./stats";

/**
 * Applies a confirmed job: rows left "sending" by a crash are settled first
 * (resent only if repeatable; otherwise checked at the vendor or marked
 * unknown), then pending rows go out in vendor-sized chunks, a few at a time.
 * Every row gets one final status and one audit event linked to the job.
 */
export async function applyBulkJob(db: Db, jobId: string, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const job = await startJob(db, jobId, opts, (step) => applyBulkJob(db, jobId, { ...opts, step }));
  if (typeof job === "string") return job;
  const settler = new Settler(job);
  await resumeInDoubt(job, settler);

  const concurrency = Math.max(1, opts.concurrency ?? Number(process.env.CONSOLE_BULK_CONCURRENCY ?? 4));
  const lanes = new Lanes(job, settler);
  try {
    // Results that cannot be written stop the lanes; the job fails once they
    // have stopped, so nothing of this run goes on behind a retry's back.
    await lanes.run(concurrency);
    await settler.drained();
    await settler.cacheWrite;
  } finally {
    lanes.stopWatching();
    await settler.cacheWrite.catch(() => {});
  }
  if (opts.stats && lanes.lastAnswer) opts.stats.tailMs = performance.now() - lanes.lastAnswer;
  // pg-boss retries the job; rows in flight are settled by the resume.
  if (opts.signal?.aborted) throw new Error(`bulk ${jobId} interrupted; it resumes on retry`);
  return finishJob(job, lanes.cancelled);
}
