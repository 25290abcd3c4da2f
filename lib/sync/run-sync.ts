import pLimit from "p-limit";
import type pg from "pg";
import { recordAuditMany } from "../audit/record";
import type { Db } from "../db/client";
import type { VendorId } from "../vendors/connection-fields";
import { VendorError } from "../vendors/core/vendor-error";
import { loadConnection } from "../vendors/load-connection";
import type { SyncContext, VendorSync } from "./context";
import { limitHeapGrowth } from "./heap-growth";
import { linkPeople, PERSON_TABLES } from "./link-people";
import { PgPacer } from "./pg-pacer";
import type { SyncTarget } from "./target";
import { TargetWriter, type WriteStats } from "./writer";

export interface RunSyncDeps {
  db: Db;
  pool: pg.Pool;
  runId: string;
  syncs: Record<VendorId, VendorSync>;
  attempt?: number;
  signal?: AbortSignal;
  concurrency?: number;
}

const PROGRESS_EVERY_MS = 500;
/** Batches a run writes at once, across all its resources. */
const WRITE_SLOTS = 2;

function sum(stats: WriteStats[]) {
  const total: WriteStats = { fetched: 0, created: 0, updated: 0, unchanged: 0, deleted: 0, drift: 0, writeMs: 0 };
  for (const s of stats) for (const k of Object.keys(total) as (keyof WriteStats)[]) total[k] += s[k];
  return total;
}

/**
 * Runs one SyncRun: the vendor's sync through the cache writers, with
 * progress written to the SyncRun row as it goes, people linked as soon as
 * the users are complete, and the outcome recorded. Safe to run again for
 * the same run (a retry after a crash): every write is an idempotent upsert.
 */
export async function runSync(deps: RunSyncDeps): Promise<"succeeded" | "failed" | "skipped"> {
  const { db, pool, runId } = deps;
  limitHeapGrowth();
  const run = await db.syncRun.findUnique({ where: { id: runId } });
  if (!run || run.status === "cancelled" || run.status === "succeeded") return "skipped";
  await db.syncRun.update({
    where: { id: runId },
    data: {
      status: "running",
      startedAt: new Date(),
      finishedAt: null,
      attempt: deps.attempt ?? run.attempt,
      error: null,
      phase: null,
      pagesDone: 0,
      pagesTotal: null,
      fetched: 0,
      created: 0,
      updated: 0,
      deleted: 0,
      unchanged: 0,
      driftEvents: 0,
      detail: {},
    },
  });

  const writers = new Map<string, TargetWriter<unknown>>();
  const writeSlots = pLimit(WRITE_SLOTS);
  let phase: string | null = null;
  let pagesAll = 0;
  /** The sum of the totals the phases so far announced; null once one could not say. */
  let phaseTotals: number | null = 0;
  let longestSequence = 0;
  let lastFlush = 0;
  // Progress writes are queued one after another, so a slow earlier write can never land after the final one.
  let chain: Promise<void> = Promise.resolve();
  const writeProgress = async () => {
    // A resource whose deletions were deferred says why beside its figures
    // (its `deleted` counts only the unseen rows the read could vouch for).
    const figures = (w: TargetWriter<unknown>) => ({
      ...w.stats,
      writeMs: Math.round(w.stats.writeMs),
      ...(w.deletionsDeferred ? { deletionsDeferred: w.deletionsDeferred } : {}),
    });
    const detail: Record<string, Record<string, number | string>> = Object.fromEntries(
      [...writers].map(([k, w]) => [k, figures(w)]),
    );
    detail._run = { pages: pagesAll, longestSequence };
    const t = sum([...writers.values()].map((w) => w.stats));
    await db.syncRun.update({
      where: { id: runId },
      data: {
        phase,
        pagesDone: pagesAll,
        // No total once the reads pass it: never "2 of 1 pages".
        pagesTotal: phaseTotals !== null && phaseTotals >= pagesAll ? phaseTotals : null,
        fetched: t.fetched,
        created: t.created,
        updated: t.updated,
        unchanged: t.unchanged,
        deleted: t.deleted,
        driftEvents: t.drift,
        detail,
      },
    });
  };
  const progress = (force = false): Promise<void> => {
    if (!force && Date.now() - lastFlush < PROGRESS_EVERY_MS) return chain;
    lastFlush = Date.now();
    chain = chain.catch(() => {}).then(writeProgress);
    return chain;
  };

  // People are linked once the run's users are complete in the cache (their
  // writer finished), while the rest of the run reads on: a sync whose users
  // come first does not wait for the linking at its end. A sync that never
  // finished its users early links at the end.
  let linking: Promise<number> | null = null;
  const linkNow = () => {
    if (!linking) {
      linking = linkPeople(pool, run.tenantId);
      linking.catch(() => {}); // awaited at the end of the run
    }
    return linking;
  };

  try {
    const connection = await loadConnection(db, run.tenantId, run.vendor);
    if (!connection) throw new Error(`This tenant has no ${run.vendor} connection.`);
    const signal = deps.signal ?? new AbortController().signal;
    const concurrency = deps.concurrency ?? 4;
    const ctx: SyncContext = {
      tenantId: run.tenantId,
      runId,
      connection,
      db,
      pool,
      signal,
      concurrency,
      pacer: (limits) =>
        new PgPacer(pool, `${run.vendor}:${run.tenantId}`, limits, { marginMs: 250, signal, ahead: concurrency }),
      writer: <T>(target: SyncTarget<T>) => {
        const key = target.resource;
        const w = new TargetWriter<T>(
          pool,
          run.tenantId,
          runId,
          target,
          async (events) => {
            await recordAuditMany(db, events);
          },
          { slots: writeSlots, onFinished: PERSON_TABLES.has(target.table) ? linkNow : undefined },
        );
        writers.set(key, w as TargetWriter<unknown>);
        return w;
      },
      // Phases can overlap (Twingate reads several lists at once), so a page read cannot be put to one phase:
      // the figures are the run's pages read against the sum of every phase's known total, and no total at all
      // once a phase cannot say, or the reads pass it. Never "2 of 1 pages".
      phase: (name, total) => {
        phase = name;
        phaseTotals = total === null || total === undefined || phaseTotals === null ? null : phaseTotals + total;
        void progress(true).catch(() => {});
      },
      pageRead: (count = 1) => {
        pagesAll += count;
        void progress().catch(() => {});
      },
      sequentialPages: (count) => {
        longestSequence = Math.max(longestSequence, count);
      },
    };
    await deps.syncs[run.vendor](ctx);
    await linkNow();
    phase = "done";
    await progress(true);
    await db.syncRun.update({ where: { id: runId }, data: { status: "succeeded", finishedAt: new Date() } });
    return "succeeded";
  } catch (err) {
    // Nothing of the run may still write once it is recorded as ended.
    await (linking as Promise<number> | null)?.catch(() => {});
    const message = err instanceof VendorError ? err.message : err instanceof Error ? err.message : String(err);
    await progress(true).catch(() => {});
    await db.syncRun.update({
      where: { id: runId },
      data: { status: "failed", finishedAt: new Date(), error: message },
    });
    throw err;
  }
}
