import { createHash, randomUUID } from "node:crypto";
import type pg from "pg";
import { canonicalJson } from "../audit/canonical-json";
import type { AuditEventInput } from "../audit/event";
import type { SqlType, SyncTarget } from "./target";

export interface WriteStats {
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  drift: number;
  /** Time spent in database reads and writes, for throughput figures. */
  writeMs: number;
}

const CAST: Record<SqlType, (col: string) => string> = {
  text: (c) => c,
  int: (c) => `${c}::int`,
  bool: (c) => `${c}::boolean`,
  timestamptz: (c) => `${c}::timestamptz`,
  jsonb: (c) => `${c}::jsonb`,
  // unnest() flattens multi-dimensional arrays, so array columns travel as JSON text.
  "text[]": (c) => `ARRAY(SELECT jsonb_array_elements_text(${c}::jsonb))`,
};

function toText(type: SqlType, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (type === "jsonb" || type === "text[]") return JSON.stringify(v);
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

const q = (name: string) => `"${name.replace(/"/g, "")}"`;

interface Row {
  id: string;
  vendorId: string;
  values: (string | null)[];
  raw: string;
  hash: string;
  label: string | null;
}

/**
 * Writes one resource of one sync run into its cache table in batches: reads
 * the stored hashes of a batch, inserts or rewrites only rows whose content
 * changed, reports tracked-column changes as drift, and at the end marks
 * every row the vendor no longer listed as deleted. A run with no upstream
 * change writes nothing.
 */
export class TargetWriter<T> {
  readonly stats: WriteStats = { fetched: 0, created: 0, updated: 0, unchanged: 0, deleted: 0, drift: 0, writeMs: 0 };
  private readonly seen = new Set<string>();
  private buffer: Row[] = [];
  /** The batch being written while the sync goes on reading; one at a time. */
  private pending: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;
  private readonly scope: { sql: string; params: unknown[] };
  private readonly tracked: string[];
  private readonly upsertSql: string;

  constructor(
    private readonly pool: pg.Pool,
    private readonly tenantId: string,
    private readonly runId: string,
    private readonly target: SyncTarget<T>,
    private readonly onDrift: (events: AuditEventInput[]) => Promise<void>,
    private readonly batchSize = 2000,
  ) {
    const generic = target.table === "VendorObject" || target.table === "VendorEdge";
    this.scope = generic
      ? { sql: `"tenantId" = $1 AND "vendor" = $2::"Vendor" AND "kind" = $3`, params: [tenantId, target.vendor, (target as { kind: string }).kind] }
      : { sql: `"tenantId" = $1`, params: [tenantId] };
    this.tracked = target.tracked ?? target.columns.map((c) => c.name);
    this.upsertSql = this.buildUpsert(generic);
  }

  private buildUpsert(generic: boolean): string {
    const cols = this.target.columns;
    const n = this.scope.params.length;
    // $1.. scope params, then: runId, ids[], vendorIds[], raws[], hashes[], one array per column.
    const p = (i: number) => `$${n + i}`;
    const names = ["id", "vid", "raw", "hash", ...cols.map((_, i) => `c${i}`)];
    const unnestArgs = names.map((_, i) => `${p(2 + i)}::text[]`).join(", ");
    const keyCols = generic ? [`"tenantId"`, `"vendor"`, `"kind"`, `"vendorId"`] : [`"tenantId"`, `"vendorId"`];
    const scopeValues = generic ? [`$1`, `$2::"Vendor"`, `$3`] : [`$1`];
    const insertCols = [`"id"`, ...keyCols, ...cols.map((c) => q(c.name)), `"raw"`, `"hash"`, `"syncRunId"`, `"syncedAt"`, `"deletedAt"`];
    const selectVals = [
      "u.id", ...scopeValues, "u.vid", ...cols.map((c, i) => CAST[c.type](`u.c${i}`)), "u.raw::jsonb", "u.hash", `${p(1)}`, "now()", "NULL::timestamp",
    ];
    const updates = [...cols.map((c) => q(c.name)), `"raw"`, `"hash"`, `"syncRunId"`, `"syncedAt"`, `"deletedAt"`].map((c) => `${c} = EXCLUDED.${c}`);
    return `INSERT INTO ${q(this.target.table)} (${insertCols.join(", ")})
      SELECT ${selectVals.join(", ")} FROM unnest(${unnestArgs}) AS u(${names.join(", ")})
      ON CONFLICT (${keyCols.join(", ")}) DO UPDATE SET ${updates.join(", ")}`;
  }

  /**
   * Adds fetched items; when a batch is full it is written in the background
   * while the caller reads on (a second full batch waits for the first).
   * Items seen twice in one run (offset paging shifts) count once.
   */
  async write(items: readonly T[]): Promise<void> {
    this.throwIfFailed();
    for (const item of items) {
      const vendorId = this.target.vendorId(item);
      if (this.seen.has(vendorId)) continue;
      this.seen.add(vendorId);
      this.stats.fetched++;
      const values = this.target.columns.map((c) => toText(c.type, c.value(item)));
      const raw = JSON.stringify(this.target.raw ? this.target.raw(item) : item);
      // A vendor serialises an object's keys in a stable order, so the raw text hashes stably without re-sorting.
      const hash = createHash("sha1").update(JSON.stringify(values)).update("\n").update(raw).digest("hex");
      this.buffer.push({ id: randomUUID(), vendorId, values, raw, hash, label: this.target.label?.(item) ?? null });
    }
    if (this.buffer.length >= this.batchSize) {
      await this.pending;
      this.throwIfFailed();
      // Caught here so that a failure is never unhandled; the next write() or finish() throws it.
      this.pending = this.flush().catch((error) => { this.failure ??= { error }; });
    }
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  private async flush(): Promise<void> {
    const started = performance.now();
    try {
      await this.flushRows();
    } finally {
      this.stats.writeMs += performance.now() - started;
    }
  }

  private async flushRows(): Promise<void> {
    const rows = this.buffer;
    this.buffer = [];
    if (rows.length === 0) return;
    const n = this.scope.params.length;
    const trackedIdx = this.tracked.map((name) => this.target.columns.findIndex((c) => c.name === name));
    const trackedSelect = this.tracked.map((name) => `${q(name)}::text AS ${q(name)}`).join(", ");
    const existing = await this.pool.query<Record<string, string | null> & { vendorId: string; hash: string; deletedAt: Date | null }>(
      `SELECT "vendorId", "hash", "deletedAt"${trackedSelect ? ", " + trackedSelect : ""} FROM ${q(this.target.table)}
       WHERE ${this.scope.sql} AND "vendorId" = ANY($${n + 1}::text[])`,
      [...this.scope.params, rows.map((r) => r.vendorId)],
    );
    const before = new Map(existing.rows.map((r) => [r.vendorId, r]));
    const changed: Row[] = [];
    const drift: AuditEventInput[] = [];
    for (const row of rows) {
      const old = before.get(row.vendorId);
      if (!old || old.deletedAt) {
        this.stats.created++;
        changed.push(row);
      } else if (old.hash !== row.hash) {
        this.stats.updated++;
        changed.push(row);
        const diff = this.trackedDiff(old, row, trackedIdx);
        if (diff) drift.push(this.driftEvent(row, diff));
      } else this.stats.unchanged++;
    }
    if (changed.length) {
      const cols = this.target.columns.map((_, i) => changed.map((r) => r.values[i]));
      await this.pool.query(this.upsertSql, [
        ...this.scope.params, this.runId,
        changed.map((r) => r.id), changed.map((r) => r.vendorId), changed.map((r) => r.raw), changed.map((r) => r.hash), ...cols,
      ]);
    }
    if (drift.length) {
      this.stats.drift += drift.length;
      await this.onDrift(drift);
    }
  }

  /** Postgres renders values its own way (timestamps, booleans); compare both sides in that form. */
  private trackedDiff(old: Record<string, string | null>, row: Row, idx: number[]) {
    const b: Record<string, unknown> = {};
    const a: Record<string, unknown> = {};
    this.tracked.forEach((name, k) => {
      const col = this.target.columns[idx[k]];
      const next = row.values[idx[k]];
      if (normalise(col.type, old[name]) !== normalise(col.type, next)) {
        b[name] = display(col.type, old[name]);
        a[name] = display(col.type, next);
      }
    });
    return Object.keys(a).length ? { before: b, after: a } : null;
  }

  private driftEvent(row: Row, diff: { before: unknown; after: unknown }): AuditEventInput {
    return {
      action: `${this.target.vendor}.${this.target.resource}.changed_externally`,
      actor: null, outcome: "success", tenantId: this.tenantId, vendor: this.target.vendor, jobId: this.runId,
      targets: [{ type: `${this.target.vendor}_${this.target.resource}`, id: row.vendorId, ...(row.label ? { label: row.label } : {}) }],
      before: diff.before, after: diff.after,
    };
  }

  /** Writes what is buffered and marks rows this run did not see as deleted. Call only after a complete read. */
  async finish(): Promise<WriteStats> {
    await this.pending;
    this.throwIfFailed();
    await this.flush();
    const started = performance.now();
    const n = this.scope.params.length;
    const res = await this.pool.query(
      `UPDATE ${q(this.target.table)} SET "deletedAt" = now(), "syncRunId" = $${n + 1}
       WHERE ${this.scope.sql} AND "deletedAt" IS NULL AND "vendorId" NOT IN (SELECT unnest($${n + 2}::text[]))`,
      [...this.scope.params, this.runId, [...this.seen]],
    );
    this.stats.deleted = res.rowCount ?? 0;
    this.stats.writeMs += performance.now() - started;
    return this.stats;
  }
}

function normalise(type: SqlType, v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  switch (type) {
    // Prisma's DateTime columns are timestamp(3) holding UTC; their text form has no zone.
    case "timestamptz": return new Date(/[zZ]|[+-]\d\d(:?\d\d)?$/.test(v) ? v : `${v.replace(" ", "T")}Z`).toISOString();
    case "bool": return String(v === "true" || v === "t");
    case "int": return String(Number(v));
    case "jsonb":
    case "text[]": {
      try {
        return canonicalJson(type === "text[]" && v.startsWith("{") ? pgArray(v) : JSON.parse(v));
      } catch {
        return v;
      }
    }
    default: return v;
  }
}

function display(type: SqlType, v: string | null | undefined): unknown {
  const n = normalise(type, v);
  if (n === null) return null;
  if (type === "bool") return n === "true";
  if (type === "int") return Number(n);
  if (type === "jsonb" || type === "text[]") return JSON.parse(n);
  return n;
}

/** Postgres text form of a text[] ({a,"b c"}) as an array. */
function pgArray(v: string): string[] {
  const inner = v.slice(1, -1);
  if (!inner) return [];
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|([^,]+)/g;
  for (let m; (m = re.exec(inner)); ) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : m[2]);
  return out;
}
