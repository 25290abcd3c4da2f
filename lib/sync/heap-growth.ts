import v8 from "node:v8";

/**
 * How far V8 lets the heap grow past what the last full collection kept
 * alive, in percent. By default it grows the limit by up to four times the
 * live size: a sync keeps some 100 MB alive (the ids it has seen, names for
 * audit labels, pages in flight) while it turns over gigabytes of short-lived
 * pages, so the heap swelled to 400 MB of mostly garbage before a full
 * collection, and the process past 500 MB. Twice the live size keeps it near
 * 200 MB, for no measurable CPU: a full collection of 100 MB is cheap beside
 * the reads between two of them (bench:sync, JumpCloud: peak RSS 598 → 393 MB,
 * sync CPU 42 → 40 s). Unlike a cap on the heap's size, this never makes a
 * larger live set fail or thrash.
 */
const HEAP_GROWING_PERCENT = 100;

let applied = false;

/** Applies HEAP_GROWING_PERCENT to this process once, before its first sync runs. */
export function limitHeapGrowth(): void {
  if (applied) return;
  applied = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
