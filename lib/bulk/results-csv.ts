import Papa from "papaparse";
import { safeCell } from "../csv/safe-cell";
import type { Db } from "../db/client";
import type { BulkOperation } from "./operation";

const RETRYABLE = ["failed", "unknown", "cancelled"];

/**
 * A job's rows as CSV, read in keyset batches. `failed` gives the rows to fix
 * and upload again: the operation's own columns, as uploaded, and a `#reason`
 * note column that a new upload ignores. Every cell is neutralised against
 * spreadsheet formulas: vendor messages and inputs are not trusted.
 */
export async function* resultsCsv(
  db: Db,
  jobId: string,
  op: BulkOperation<never>,
  mode: "all" | "failed",
): AsyncGenerator<string> {
  const fields = op.columns.map((c) => c.field);
  const header =
    mode === "failed"
      ? [...op.columns.map((c) => c.header), "#reason"]
      : ["line", ...op.columns.map((c) => c.header), "plan", "status", "message", "before", "after", "attempts"];
  // The header goes out with the first batch, so the first chunk has run a query (see firstChunkFirst).
  let head = `${Papa.unparse([header], { newline: "\r\n" })}\r\n`;
  let after = 0;
  for (;;) {
    const rows = await db.bulkRow.findMany({
      where: {
        jobId,
        line: { gt: after },
        ...(mode === "failed" ? { OR: [{ status: { in: RETRYABLE as never } }, { plan: "error" }] } : {}),
      },
      orderBy: { line: "asc" },
      take: 2000,
    });
    if (rows.length === 0) {
      if (head) yield head;
      return;
    }
    const lines = rows.map((r) => {
      const input = r.input as Record<string, string>;
      const cells = fields.map((f) => input[f] ?? "");
      const message = r.plan === "error" ? r.planError : r.vendorMessage;
      return (
        mode === "failed"
          ? [...cells, message ?? r.status]
          : [r.line, ...cells, r.plan, r.status, message, r.before, r.after, r.attempts]
      ).map(safeCell);
    });
    yield `${head + Papa.unparse(lines, { newline: "\r\n" })}\r\n`;
    head = "";
    after = rows.at(-1)?.line ?? after;
  }
}
