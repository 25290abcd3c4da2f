import { z } from "zod";

export const PAGE_SIZES = [10, 25, 50, 100, 200] as const;

/** The search-param keys every cache table reads; other keys are the table's own filters. */
export interface TableState<S extends string> {
  q: string;
  page: number;
  size: (typeof PAGE_SIZES)[number];
  sort: S;
  dir: "asc" | "desc";
  /** Hidden column ids, from `hide=a,b`. */
  hidden: string[];
}

type Search = Record<string, string | string[] | undefined>;

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Reads a table's state from the URL, forgiving anything malformed (a
 * hand-edited or stale link shows the default view instead of an error), and
 * only ever sorting by a column the caller allows: the sort key reaches SQL.
 */
export function readTableState<S extends string>(search: Search, opts: { sortable: readonly S[]; sort: S; dir?: "asc" | "desc" }): TableState<S> {
  const sort = first(search.sort);
  const size = Number(first(search.size));
  return {
    q: z.string().trim().max(200).catch("").parse(first(search.q) ?? ""),
    page: z.coerce.number().int().min(1).max(100_000).catch(1).parse(first(search.page) ?? 1),
    size: (PAGE_SIZES as readonly number[]).includes(size) ? (size as TableState<S>["size"]) : 50,
    sort: sort && (opts.sortable as readonly string[]).includes(sort) ? (sort as S) : opts.sort,
    dir: first(search.dir) === "desc" ? "desc" : first(search.dir) === "asc" ? "asc" : (opts.dir ?? "asc"),
    hidden: (first(search.hide) ?? "").split(",").map((s) => s.trim()).filter(Boolean).slice(0, 50),
  };
}

/** A filter value from the URL that must be one of a fixed set, or undefined. */
export function oneOf<T extends string>(search: Search, key: string, allowed: readonly T[]): T | undefined {
  const v = first(search[key]);
  return v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** Rows to skip for a page: Prisma's `skip`, `take`. */
export function pageWindow(state: { page: number; size: number }) {
  return { skip: (state.page - 1) * state.size, take: state.size };
}
