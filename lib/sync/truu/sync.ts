import type { ClientTuning } from "../../vendors/clients";
import { clientsFor } from "../../vendors/clients";
import type { WalkReport } from "../../vendors/core/walk-report";
import type { Page } from "../../vendors/truu/schemas";
import type { SyncContext, VendorSync } from "../context";
import { nodeFetch } from "../node-fetch";
import type { SyncTarget } from "../target";
import { listMovedDuringRead } from "../writer";
import { assetTarget, deviceTarget, userTarget } from "./targets";

// A sync reads whole tenants in the background: more attempts than an
// interactive look-up, so a 429 burst or a 5xx spell of ~20 s is waited out.
// The first backoff is short because a 429 already waits out Retry-After.
const TUNING: ClientTuning = {
  timeoutMs: 30_000,
  fetch: nodeFetch,
  retry: { retries: 8, minDelayMs: 100, maxDelayMs: 10_000, maxRetryAfterMs: 65_000 },
};

/**
 * Pages read ahead of the writer per request slot, so that reading goes on
 * while a batch is written: 16 pages per slot is some 16 answers' time.
 */
const READ_AHEAD_PER_SLOT = 16;

/**
 * Walks one resource's pages, naming the phase with its page count as soon as
 * the first page tells `final`, and hands each page on as it arrives.
 */
async function eachPage<T>(
  ctx: SyncContext,
  phase: string,
  pages: AsyncIterable<Page<T>>,
  onPage: (items: T[]) => Promise<void> | void,
) {
  ctx.signal.throwIfAborted();
  let first = true;
  for await (const page of pages) {
    if (first) ctx.phase(phase, page.final);
    first = false;
    await onPage(page.results);
    ctx.pageRead();
  }
}

/**
 * Reads a resource completely into its cache table and returns its writer's
 * finish (the last batch and marking unseen rows deleted) without waiting for
 * it, so that the next resource is read meanwhile; only a complete read may
 * mark rows deleted.
 *
 * TruU pages by number, so records deleted or added before the walk's
 * position while it reads shift the later ones across page boundaries, and a
 * record that still exists can be missed. When the walk saw the list change,
 * the unseen rows are left as they are and the run's detail says why: the
 * next run whose walk reads an unchanging list marks them. Reading the whole
 * list again instead would double the run (4,000 pages of 25 at 100,000
 * devices) and may be disturbed in its turn.
 */
async function syncResource<T>(
  ctx: SyncContext,
  phase: string,
  target: SyncTarget<T>,
  read: (report: WalkReport) => AsyncIterable<Page<T>>,
): Promise<{ finished: Promise<unknown> }> {
  const writer = ctx.writer(target);
  const report: WalkReport = { listChanged: null };
  await eachPage(ctx, phase, read(report), (items) => writer.write(items));
  ctx.signal.throwIfAborted();
  const deferDeletions = listMovedDuringRead(report.listChanged);
  const finished = writer.finish({ deferDeletions });
  // Awaited by the caller; a failure must not count as unhandled before then.
  finished.catch(() => {});
  return { finished };
}

/**
 * TruU: enrolled users, system devices (with the assurance level that only
 * the data API's users carry), and workstation assets. TruU pages by number,
 * so each resource's pages are fetched ahead in parallel (and a few more are
 * read ahead while a page is being written away); resources are read one
 * after another so that the cap on requests in flight holds for the whole
 * run and each phase's page count stays truthful.
 */
export const truuSync: VendorSync = async (ctx) => {
  const client = clientsFor.truu(ctx.connection, TUNING);
  const walk = { concurrency: ctx.concurrency, ahead: READ_AHEAD_PER_SLOT * ctx.concurrency, signal: ctx.signal };
  const assurance = new Map<string, number>();
  await eachPage(ctx, "assurance levels", client.dataUserPages({}, walk), (users) => {
    for (const u of users) for (const d of u.devices) assurance.set(d.deviceId, d.assuranceLevel);
  });
  const finishing: Promise<unknown>[] = [];
  try {
    finishing.push(
      (await syncResource(ctx, "devices", deviceTarget(assurance), (report) => client.devicePages({ ...walk, report })))
        .finished,
    );
    finishing.push(
      (await syncResource(ctx, "users", userTarget, (report) => client.enrolledUserPages({}, { ...walk, report })))
        .finished,
    );
    finishing.push(
      (await syncResource(ctx, "assets", assetTarget, (report) => client.assetPages({}, { ...walk, report }))).finished,
    );
  } finally {
    // Nothing may still write once the run has ended, whatever ended it.
    await Promise.allSettled(finishing);
  }
  await Promise.all(finishing);
};
