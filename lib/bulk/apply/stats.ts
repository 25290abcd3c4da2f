/** Milliseconds of wall time by activity; lanes overlap, so lane figures add up across lanes. */
export interface ApplyStats {
  /** Lanes waiting for the vendor. */
  sendMs: number;
  /** Chunks sent (vendor requests, or calls for one-row chunks). */
  chunks: number;
  /** Lanes waiting for rows to be claimed in Postgres (a claim made ahead, while sending, costs nothing here). */
  claimMs: number;
  /** Lanes held back because results were not yet written. */
  backpressureMs: number;
  /** The settler writing results: statuses and audit events, then the cache. */
  settleMs: number;
  settleBatches: number;
  /** From the last vendor answer to the job's end: the writes that sending could not hide. */
  tailMs: number;
}

export const newApplyStats = (): ApplyStats => ({
  sendMs: 0,
  chunks: 0,
  claimMs: 0,
  backpressureMs: 0,
  settleMs: 0,
  settleBatches: 0,
  tailMs: 0,
});
