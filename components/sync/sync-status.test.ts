import { describe, expect, it } from "vitest";
import { deferredResources, type SyncRunView } from "@/lib/sync/queries";
import { counts, runningCounts } from "./sync-status";

const run = (over: Partial<SyncRunView> = {}): SyncRunView => ({
  id: "r1",
  vendor: "truu",
  status: "succeeded",
  trigger: "manual",
  attempt: 1,
  queuedAt: "2026-12-06T10:00:00.000Z",
  startedAt: null,
  finishedAt: null,
  phase: null,
  pagesDone: 24,
  pagesTotal: 24,
  fetched: 597,
  created: 0,
  updated: 0,
  deleted: 0,
  unchanged: 597,
  driftEvents: 0,
  deletionsDeferred: [],
  error: null,
  ...over,
});

describe("a sync run's counts", () => {
  it("say which resources' removals were left to the next run, so '0 gone' is not read as nothing removed", () => {
    const detail = {
      device: {
        fetched: 597,
        deleted: 0,
        deletionsDeferred: "the list changed while it was read (page 3 counted 597 records where page 1 counted 600)",
      },
      user: { fetched: 40, deleted: 0 },
      user_group: { deletionsDeferred: "the list changed while it was read" },
      _run: { pages: 30 },
    };
    expect(deferredResources(detail)).toEqual(["device", "user_group"]);
    expect(counts(run({ deletionsDeferred: deferredResources(detail) }))).toBe(
      "597 read · 0 new · 0 changed · 0 gone · removed devices, user groups left to the next run " +
        "(the list changed while it was read)",
    );
  });

  it("stay as they were for an undisturbed run or a detail of another shape", () => {
    expect(deferredResources({ device: { deleted: 2 } })).toEqual([]);
    expect(deferredResources(null)).toEqual([]);
    expect(deferredResources("x")).toEqual([]);
    expect(counts(run({ deleted: 2 }))).toBe("597 read · 0 new · 0 changed · 2 gone");
  });

  it("while running, say pages read and records saved: pages gathered before they are written are not '0 read'", () => {
    expect(runningCounts(run({ status: "running", pagesDone: 4, pagesTotal: 5, fetched: 0, unchanged: 0 }))).toBe(
      "4 of 5 pages read · 0 saved · 0 new · 0 changed",
    );
    expect(runningCounts(run({ status: "running", pagesDone: 7, pagesTotal: null, fetched: 300, created: 2 }))).toBe(
      "7 pages read · 300 saved · 2 new · 0 changed",
    );
  });
});
