import type pg from "pg";

/** A row as a lane sends it and the settler records it. */
export type RowRecord = { id: string; line: number; input: unknown; before: unknown; after: unknown };

const CANCEL_POLL_MS = 250;

/**
 * Claims the next pending rows of a job for sending; concurrent claimers
 * (workers, chunks) never get the same row. Nothing is claimed once cancel
 * was asked for: the cancel check costs no round trip of its own. `after`:
 * only rows past this line (what this run claimed last), so that the index
 * scan starts at the first pending row instead of stepping over every row
 * claimed before it.
 */
async function claim(
  pool: pg.Pool,
  jobId: string,
  size: number,
  step: string | null,
  after: number,
): Promise<RowRecord[]> {
  const res = await pool.query<RowRecord>(
    `
    UPDATE "BulkRow" SET status = 'sending', attempts = attempts + 1, "sentAt" = now()
    WHERE id IN (
      SELECT id FROM "BulkRow"
      WHERE "jobId" = $1 AND status = 'pending' AND line > $4 AND ($2::text IS NULL OR operation = $2)
        AND NOT EXISTS (SELECT 1 FROM "BulkJob" j WHERE j.id = $1 AND j."cancelRequested")
      ORDER BY line LIMIT $3 FOR UPDATE SKIP LOCKED)
    RETURNING id, line, input, before, after`,
    [jobId, step, size, after],
  );
  return res.rows.sort((a, b) => a.line - b.line);
}

/** One run's claims of a job's rows, a chunk at a time, and their return when claimed rows are not sent. */
export function rowClaims(pool: pg.Pool, jobId: string, chunkSize: number, step: string | null) {
  // The last line claimed by this run: claims look past it first, and once
  // nothing is left there, once more from the start (a row skipped because
  // another claimer held it, whose claim then failed).
  let claimedThrough = 0;
  const next = async (): Promise<RowRecord[]> => {
    let rows = await claim(pool, jobId, chunkSize, step, claimedThrough);
    if (rows.length === 0 && claimedThrough > 0) rows = await claim(pool, jobId, chunkSize, step, 0);
    claimedThrough = Math.max(claimedThrough, rows.at(-1)?.line ?? 0);
    return rows;
  };
  const unclaim = (rows: RowRecord[]) =>
    pool.query(
      `
    UPDATE "BulkRow" SET status = 'pending', attempts = attempts - 1 WHERE id = ANY($1::text[]) AND status = 'sending'`,
      [rows.map((r) => r.id)],
    );
  return { next, unclaim };
}

export type RowClaims = ReturnType<typeof rowClaims>;

/**
 * Watches the job's cancel flag every CANCEL_POLL_MS, one query at a time,
 * for lanes that claim ahead: a chunk claimed before the staff member
 * pressed Cancel must not be sent after it.
 */
export function watchCancel(pool: pg.Pool, jobId: string) {
  let cancelSeen = false;
  let polling = false;
  const watch = setInterval(() => {
    if (polling) return;
    polling = true;
    pool
      .query<{ cancelRequested: boolean }>(`SELECT "cancelRequested" FROM "BulkJob" WHERE id = $1`, [jobId])
      .then(
        (res) => {
          if (res.rows[0]?.cancelRequested) cancelSeen = true;
        },
        () => {},
      )
      .finally(() => {
        polling = false;
      });
  }, CANCEL_POLL_MS);
  return { seen: () => cancelSeen, stop: () => clearInterval(watch) };
}

export type CancelWatch = ReturnType<typeof watchCancel>;
