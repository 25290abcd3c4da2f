/** A vendor's write budget as the job's tenant stands now: `limit` calls in any `windowMs`, `used` of them taken. */
export interface WriteBudget {
  limit: number;
  windowMs: number;
  used: number;
}

/**
 * Seconds a running job has left: the larger of what its pace so far says and what the vendor's write budget
 * allows. The pace alone says "2 s left" while Twingate's budget is still full and then climbs to a minute as it
 * runs dry; the budget's bound knows that only `limit` writes fit in each window.
 */
export function etaSeconds(job: {
  elapsedMs: number;
  done: number;
  toSend: number;
  rowsPerCall: number;
  budget: WriteBudget | null;
}): number | null {
  if (job.toSend <= 0) return null;
  const paced = job.done > 0 ? ((job.elapsedMs / job.done) * job.toSend) / 1000 : null;
  let bound: number | null = null;
  if (job.budget && job.budget.limit > 0) {
    const calls = Math.ceil(job.toSend / Math.max(1, job.rowsPerCall));
    const free = Math.max(0, job.budget.limit - job.budget.used);
    bound = calls <= free ? 0 : ((calls - free) * job.budget.windowMs) / job.budget.limit / 1000;
  }
  if (paced === null && !bound) return null;
  return Math.ceil(Math.max(paced ?? 0, bound ?? 0));
}
