import Papa from "papaparse";
import type pg from "pg";
import type { Staff } from "../auth/staff";
import { safeCell } from "../csv/safe-cell";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { type AuditFilter, auditWhere } from "./filter";
import type { PersonTargets } from "./person-targets";

export const EXPORT_FORMATS = ["csv", "jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CSV_COLUMNS = [
  "seq",
  "id",
  "at",
  "actorName",
  "actorEmail",
  "actorId",
  "ip",
  "action",
  "tenantId",
  "vendor",
  "outcome",
  "reason",
  "changeReason",
  "targets",
  "before",
  "after",
  "jobId",
  "correlationId",
  "prevHash",
  "hash",
] as const;

// The event's time as ISO 8601 UTC text, formatted by Postgres.
const AT_ISO = `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// Every column as text, formatted by Postgres: timestamps in ISO 8601 UTC, JSON as written.
const TEXT_COLUMNS = Prisma.raw(
  CSV_COLUMNS.map((c) => (c === "at" ? `${AT_ISO} AS at` : `"${c}"::text AS "${c}"`)).join(", "),
);

// One JSON object per event, built by Postgres, so Node only joins text.
const JSON_LINE = Prisma.raw(
  `json_build_object(${CSV_COLUMNS.map(
    (c) => `'${c}', ${c === "seq" ? "seq::text" : c === "at" ? AT_ISO : `"${c}"`}`,
  ).join(", ")})::text AS line`,
);

/** The newest event's seq (0 with none): an export streams the log up to it, so its own event is not in it. */
export async function lastAuditSeq(db: Db): Promise<bigint> {
  return (await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0n;
}

/**
 * The filtered log as CSV or JSON lines, oldest first, read by keyset pages
 * of `batch` events: memory stays flat whatever the size of the log. The
 * hashes are included so an exported stretch can be checked on its own.
 */
export async function* exportAuditEvents(
  pool: pg.Pool,
  staff: Staff,
  filter: AuditFilter,
  format: ExportFormat,
  opts: { batch?: number; throughSeq?: bigint; person?: PersonTargets | null } = {},
): AsyncGenerator<string> {
  const batch = opts.batch ?? 2000;
  const where = auditWhere(staff, { ...filter, before: undefined, after: undefined }, opts.person);
  // A snapshot: events written while the export streams (its own audit event among them) are not in it.
  const through =
    opts.throughSeq !== undefined
      ? Prisma.sql`AND "AuditEvent".seq <= ${opts.throughSeq.toString()}::bigint`
      : Prisma.empty;
  // The header goes out with the first batch: the first chunk has then run a
  // query, and a route that reads it before answering fails before its 200.
  let header = format === "csv" ? `${CSV_COLUMNS.join(",")}\r\n` : "";
  let cursor = "-1";
  for (;;) {
    const q = Prisma.sql`SELECT seq::text AS cursor, ${format === "csv" ? TEXT_COLUMNS : JSON_LINE}
      FROM "AuditEvent" WHERE ${where} AND "AuditEvent".seq > ${cursor}::bigint ${through}
      ORDER BY "AuditEvent".seq ASC LIMIT ${batch}`; // qualified: an output column named seq is text
    const { rows } = await pool.query<Record<string, string | null> & { cursor: string }>(q.text, q.values);
    if (rows.length === 0) {
      if (header) yield header;
      return;
    }
    if (format === "csv") {
      yield `${header}${Papa.unparse(
        rows.map((r) => CSV_COLUMNS.map((c) => safeCell(r[c]))),
        { newline: "\r\n" },
      )}\r\n`;
    } else {
      yield `${rows.map((r) => r.line).join("\n")}\n`;
    }
    header = "";
    cursor = rows.at(-1)?.cursor ?? cursor;
    if (rows.length < batch) return;
  }
}

/** Wraps a generator in a pull-driven stream: the next batch is read only when the client has taken the last. */
export function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(enc.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
