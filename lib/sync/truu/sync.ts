import type { ClientTuning } from "../../vendors/clients";
import { clientsFor } from "../../vendors/clients";
import type { Page } from "../../vendors/truu/schemas";
import type { SyncContext, VendorSync } from "../context";
import type { SyncTarget } from "../target";
import { assetTarget, deviceTarget, userTarget } from "./targets";

// A sync reads whole tenants in the background: more attempts than an
// interactive look-up, so a 429 burst or a 5xx spell of ~20 s is waited out.
// The first backoff is short because a 429 already waits out Retry-After.
const TUNING: ClientTuning = {
  timeoutMs: 30_000,
  retry: { retries: 8, minDelayMs: 100, maxDelayMs: 10_000, maxRetryAfterMs: 65_000 },
};

/**
 * Walks one resource's pages, naming the phase with its page count as soon as
 * the first page tells `final`, and hands each page on as it arrives.
 */
async function eachPage<T>(ctx: SyncContext, phase: string, pages: AsyncIterable<Page<T>>, onPage: (items: T[]) => Promise<void> | void) {
  ctx.signal.throwIfAborted();
  let first = true;
  for await (const page of pages) {
    if (first) ctx.phase(phase, page.final);
    first = false;
    await onPage(page.results);
    ctx.pageRead();
  }
}

/** Reads a resource completely into its cache table; only a complete read may mark rows deleted. */
async function syncResource<T>(ctx: SyncContext, phase: string, target: SyncTarget<T>, pages: AsyncIterable<Page<T>>) {
  const writer = ctx.writer(target);
  await eachPage(ctx, phase, pages, (items) => writer.write(items));
  ctx.signal.throwIfAborted();
  await writer.finish();
}

/**
 * TruU: enrolled users, system devices (with the assurance level that only
 * the data API's users carry), and workstation assets. TruU pages by number,
 * so each resource's pages are fetched ahead in parallel; resources are read
 * one after another so that the cap on requests in flight holds for the
 * whole run and each phase's page count stays truthful.
 */
export const truuSync: VendorSync = async (ctx) => {
  const client = clientsFor.truu(ctx.connection, TUNING);
  const walk = { concurrency: ctx.concurrency, signal: ctx.signal };

  const assurance = new Map<string, number>();
  await eachPage(ctx, "assurance levels", client.dataUserPages({}, walk), (users) => {
    for (const u of users) for (const d of u.devices) assurance.set(d.deviceId, d.assuranceLevel);
  });

  await syncResource(ctx, "devices", deviceTarget(assurance), client.devicePages(walk));
  await syncResource(ctx, "users", userTarget, client.enrolledUserPages({}, walk));
  await syncResource(ctx, "assets", assetTarget, client.assetPages({}, walk));
};
