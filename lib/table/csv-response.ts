import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { streamCsv } from "./csv-stream";

/**
 * A table's rows as a CSV download named `<name>-<date>.csv`: streamed from Postgres by a cursor over `query`, or
 * (a stream) read page by page through the table's own page query (csvFromPages).
 */
export function csvDownload(
  name: string,
  header: readonly string[],
  query: Prisma.Sql | ReadableStream<Uint8Array>,
): Response {
  const file = `${name}-${new Date().toISOString().slice(0, 10)}.csv`;
  const body = query instanceof ReadableStream ? query : streamCsv(header, query);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
