import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { streamCsv } from "./csv-stream";

/** A table's rows as a CSV download named `<name>-<date>.csv`, streamed from Postgres (see streamCsv). */
export function csvDownload(name: string, header: readonly string[], query: Prisma.Sql): Response {
  const file = `${name}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(streamCsv(header, query), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
