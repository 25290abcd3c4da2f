import { hash as digest } from "node:crypto";
import type { LimitFunction } from "p-limit";
import type pg from "pg";
import type { AuditEventInput } from "../audit/event";
import type { SqlType, SyncTarget } from "./target";
import { display, normalise, toText } from "./tracked-values";
import { changedRowsSql, encodeBatch, encodeRow, quoteIdent as q, upsertSql } from "./upsert-sql";

export interface WriteStats {
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  drift: number;
  /** Wall time during which a database read or write of this resource was under way, for throughput figures. */
  writeMs: number;
}

interface Row {
  vendorId: string;
  values: (string | null)[];
  /** The row as the upsert's batch parameter carries it. */
  encoded: string;
  hash: string;
  label: string | null;
}

export interface WriterOptions {
  batchSize?: number;
  /** Batches written at once while the sync reads on; a further full batch waits for one of them. */
  batchesInFlight?: number;
  /**
   * Shared by every writer of a run: how many batches the run writes at
   * once, so that its writers leave pool connections for the rest of the run
   * (the pacer, progress) however many resources are read at once.
   */
  slots?: LimitFunction;
  /** Called once the resource is complete in the cache (finish() has marked unseen rows deleted, or deferred that). */
  onFinished?: (stats: WriteStats) => void;
}

/** FinishOptions.deferDeletions for a list whose offset-paged walk saw it change (`what`: how the walk could tell). */
export const listMovedDuringRead = (what: string | null | undefined): string | undefined =>
  what ? `the list changed while it was read (${what}); rows it did not list are left for the next run` : undefined;

export interface FinishOptions {
  /**
   * Why this run may not mark the rows it did not see deleted: its read was
   * complete but may have missed records that still exist (a list that
   * changed under an offset-paged walk). Those rows stay as they are until a
   * read that can tell.
   */
  deferDeletions?: string;
  /**
   * With deferDeletions: the unseen rows it concerns, by the value of one of
   * the target's columns (an edge list's fromId: the objects whose relations
   * were read while they changed). The other unseen rows are marked deleted
   * as usual. Without it, deferDeletions concerns every unseen row.
   */
  deferOnly?: { column: string; values: readonly string[] };
}

/**
 * Writes one resource of one sync run into its cache table in batches: reads
 * the stored hashes of a batch, inserts or rewrites only rows whose content
 * changed, reports tracked-column changes as drift, and at the end marks
 * every row the vendor no longer listed as deleted (unless told that the read
 * cannot vouch for that). A run with no upstream change writes nothing.
 */
export class TargetWriter<T> {
  readonly stats: WriteStats = { fetched: 0, created: 0, updated: 0, unchanged: 0, deleted: 0, drift: 0, writeMs: 0 };
  private readonly seen = new Set<string>();
  private buffer: Row[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private writing = 0;
  private busySince = 0;
  private readonly slots: LimitFunction | null;
  private failure: { error: unknown } | null = null;
  private readonly scope: { sql: string; params: unknown[] };
  private readonly tracked: { name: string; index: number; type: SqlType }[];
  private readonly upsert: string;
  private readonly changedSql: string;
  private readonly batchSize: number;
  private readonly batchesInFlight: number;
  private readonly onFinished: ((stats: WriteStats) => void) | null;
  private finished: Promise<WriteStats> | null = null;
  private deferred: string | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly tenantId: string,
    private readonly runId: string,
    private readonly target: SyncTarget<T>,
    private readonly onDrift: (events: AuditEventInput[]) => Promise<void>,
    opts: WriterOptions = {},
  ) {
    const generic = target.table === "VendorObject" || target.table === "VendorEdge";
    const scopeCols: [string, string][] = generic
      ? [
          ["tenantId", "$1"],
          ["vendor", `$2::"Vendor"`],
          ["kind", "$3"],
        ]
      : [["tenantId", "$1"]];
    const scopeSql = (prefix: string) => scopeCols.map(([c, v]) => `${prefix}${q(c)} = ${v}`).join(" AND ");
    this.scope = {
      sql: scopeSql(""),
      params: generic ? [tenantId, target.vendor, (target as { kind: string }).kind] : [tenantId],
    };
    this.tracked = (target.tracked ?? target.columns.map((c) => c.name)).map((name) => {
      const index = target.columns.findIndex((c) => c.name === name);
      const column = target.columns[index];
      if (!column) throw new Error(`${target.table}: the tracked column ${name} is not one of its columns`);
      return { name, index, type: column.type };
    });
    this.upsert = upsertSql(target as SyncTarget<unknown>, generic);
    this.changedSql = changedRowsSql(
      target as SyncTarget<unknown>,
      scopeSql("t."),
      this.scope.params.length,
      this.tracked.map((t) => t.name),
    );
    this.batchSize = opts.batchSize ?? 2000;
    this.batchesInFlight = Math.max(1, opts.batchesInFlight ?? 2);
    this.slots = opts.slots ?? null;
    this.onFinished = opts.onFinished ?? null;
  }

  /**
   * Adds fetched items; each full batch is written in the background while
   * the caller reads on, and the caller waits only when batchesInFlight are
   * already being written. Items seen twice in one run (offset paging shifts)
   * count once.
   */
  async write(items: readonly T[]): Promise<void> {
    this.throwIfFailed();
    const { target } = this;
    for (const item of items) {
      const vendorId = target.vendorId(item);
      if (this.seen.has(vendorId)) continue;
      this.seen.add(vendorId);
      this.stats.fetched++;
      const values = target.columns.map((c) => toText(c.type, c.value(item)));
      const valuesJson = JSON.stringify(values);
      const raw = JSON.stringify(target.raw ? target.raw(item) : item);
      // A vendor serialises an object's keys in a stable order, so the raw text hashes stably without re-sorting.
      const hash = digest("sha1", `${valuesJson}\n${raw}`);
      this.buffer.push({
        vendorId,
        values,
        hash,
        encoded: encodeRow(vendorId, hash, raw, valuesJson),
        label: target.label?.(item) ?? null,
      });
    }
    while (this.buffer.length >= this.batchSize) {
      while (this.inFlight.size >= this.batchesInFlight) await Promise.race(this.inFlight);
      this.throwIfFailed();
      this.startFlush(this.buffer.splice(0, this.batchSize));
    }
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  private startFlush(rows: Row[]): void {
    const write = () => this.timed(() => this.flushRows(rows));
    // Caught here so that a failure is never unhandled; the next write() or finish() throws it.
    const flush: Promise<void> = (this.slots ? this.slots(write) : write())
      .catch((error) => {
        this.failure ??= { error };
      })
      .finally(() => {
        this.inFlight.delete(flush);
      });
    this.inFlight.add(flush);
  }

  /**
   * Counts the wall time during which at least one batch of this resource is being written (not waiting for a slot).
   */
  private async timed(work: () => Promise<void>): Promise<void> {
    if (this.writing++ === 0) this.busySince = performance.now();
    try {
      await work();
    } finally {
      if (--this.writing === 0) this.stats.writeMs += performance.now() - this.busySince;
    }
  }

  private async flushRows(rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    // Postgres compares the hashes and answers only for rows that must be
    // written (new, deleted before, or changed), with the stored tracked
    // values of the changed ones: an unchanged batch answers nothing.
    const existing = await this.pool.query<Record<string, string | null> & { vendorId: string; live: boolean }>(
      this.changedSql,
      [...this.scope.params, JSON.stringify(rows.map((r) => r.vendorId)), JSON.stringify(rows.map((r) => r.hash))],
    );
    const before = new Map(existing.rows.map((r) => [r.vendorId, r]));
    const changed: Row[] = [];
    const drift: AuditEventInput[] = [];
    for (const row of rows) {
      const old = before.get(row.vendorId);
      if (!old) {
        this.stats.unchanged++;
      } else if (!old.live) {
        this.stats.created++;
        changed.push(row);
      } else {
        this.stats.updated++;
        changed.push(row);
        const diff = this.trackedDiff(old, row);
        if (diff) drift.push(this.driftEvent(row, diff));
      }
    }
    if (changed.length) {
      await this.pool.query(this.upsert, [
        ...this.scope.params,
        this.runId,
        encodeBatch(changed.map((r) => r.encoded)),
      ]);
    }
    if (drift.length) {
      this.stats.drift += drift.length;
      await this.onDrift(drift);
    }
  }

  private trackedDiff(old: Record<string, string | null>, row: Row) {
    const b: Record<string, unknown> = {};
    const a: Record<string, unknown> = {};
    for (const { name, index, type } of this.tracked) {
      const next = row.values[index];
      if (normalise(type, old[name]) !== normalise(type, next)) {
        b[name] = display(type, old[name]);
        a[name] = display(type, next);
      }
    }
    return Object.keys(a).length ? { before: b, after: a } : null;
  }

  private driftEvent(row: Row, diff: { before: unknown; after: unknown }): AuditEventInput {
    return {
      action: `${this.target.vendor}.${this.target.resource}.changed_externally`,
      actor: null,
      outcome: "success",
      tenantId: this.tenantId,
      vendor: this.target.vendor,
      jobId: this.runId,
      targets: [
        {
          type: `${this.target.vendor}_${this.target.resource}`,
          id: row.vendorId,
          ...(row.label ? { label: row.label } : {}),
        },
      ],
      before: diff.before,
      after: diff.after,
    };
  }

  /**
   * Why finish() left the rows this run did not see (or some of them, FinishOptions.deferOnly) as they were, or null.
   */
  get deletionsDeferred(): string | null {
    return this.deferred;
  }

  /**
   * Writes what is buffered and marks rows this run did not see as deleted
   * (or leaves them, when told why the read cannot vouch for that). Call only
   * after a complete read. A resource may be finished as soon as its own read
   * is complete and again with every other at the end of the run: the second
   * call is the first one's result (its options unused).
   */
  finish(opts: FinishOptions = {}): Promise<WriteStats> {
    this.finished ??= this.finishOnce(opts).then((stats) => {
      this.onFinished?.(stats);
      return stats;
    });
    return this.finished;
  }

  private async finishOnce(opts: FinishOptions): Promise<WriteStats> {
    await Promise.all(this.inFlight);
    this.throwIfFailed();
    this.startFlush(this.buffer.splice(0));
    await Promise.all(this.inFlight);
    this.throwIfFailed();
    if (opts.deferDeletions) this.deferred = opts.deferDeletions;
    if (opts.deferDeletions && !opts.deferOnly) return this.stats;
    const started = performance.now();
    const n = this.scope.params.length;
    const params: unknown[] = [...this.scope.params, this.runId, JSON.stringify([...this.seen])];
    let kept = "";
    if (opts.deferDeletions && opts.deferOnly) {
      const { column, values } = opts.deferOnly;
      if (!this.target.columns.some((c) => c.name === column))
        throw new Error(`${this.target.resource} has no column ${column}`);
      params.push(JSON.stringify(values));
      kept = ` AND NOT coalesce(${q(column)} IN (SELECT jsonb_array_elements_text($${n + 3}::jsonb)), false)`;
    }
    // The ids travel as one JSON text: a text[] of 100,000 ids would be escaped element by element.
    const res = await this.pool.query(
      `UPDATE ${q(this.target.table)} SET "deletedAt" = now(), "syncRunId" = $${n + 1}
       WHERE ${this.scope.sql} AND "deletedAt" IS NULL AND "vendorId" ` +
        `NOT IN (SELECT jsonb_array_elements_text($${n + 2}::jsonb))${kept}`,
      params,
    );
    this.stats.deleted = res.rowCount ?? 0;
    this.stats.writeMs += performance.now() - started;
    return this.stats;
  }
}
