import { z } from "zod";
import { urlEnum, urlInt, urlText } from "../params/fields";
import { type RawParams, readParams } from "../params/read";

export const PAGE_SIZES = [10, 25, 50, 100, 200] as const;
type PageSize = (typeof PAGE_SIZES)[number];

/** The search-param keys every cache table reads; other keys are the table's own filters. */
export interface TableState<S extends string> {
  q: string;
  page: number;
  size: PageSize;
  sort: S;
  dir: "asc" | "desc";
  /** Hidden column ids, from `hide=a,b`. */
  hidden: string[];
}

type Sortable = readonly [string, ...string[]];

/**
 * The URL schema of a cache table, which a table extends with its own
 * filters. It only ever sorts by a column the table allows (the sort key
 * reaches SQL), and every key has a default, so that a page reading it with
 * readParams shows the default for anything malformed.
 */
export function tableSearch<const T extends Sortable>(opts: { sortable: T; sort: T[number]; dir?: "asc" | "desc" }) {
  return z.object({
    q: urlText(200).default(""),
    page: urlInt(1, 100_000).default(1),
    size: urlEnum(PAGE_SIZES.map(String) as [string, ...string[]])
      .transform((s) => Number(s) as PageSize)
      .default(50),
    sort: urlEnum(opts.sortable).default(opts.sort),
    dir: urlEnum(["asc", "desc"]).default(opts.dir ?? "asc"),
    hide: urlText(2000)
      .transform((s) =>
        s
          .split(",")
          .map((c) => c.trim())
          .filter(Boolean)
          .slice(0, 50),
      )
      .default([]),
  });
}

/** A table's state from its parsed search values. */
export function tableState<S extends string>(v: {
  q: string;
  page: number;
  size: PageSize;
  sort: S;
  dir: "asc" | "desc";
  hide: string[];
}): TableState<S> {
  return { q: v.q, page: v.page, size: v.size, sort: v.sort, dir: v.dir, hidden: v.hide };
}

/** A table's state straight from the URL, forgiving anything malformed (for callers with no page context). */
export function readTableState<const T extends Sortable>(
  search: RawParams,
  opts: { sortable: T; sort: T[number]; dir?: "asc" | "desc" },
): TableState<T[number]> {
  return tableState(readParams(tableSearch(opts), search).values);
}

/** Rows to skip for a page: Prisma's `skip`, `take`. */
export function pageWindow(state: { page: number; size: number }) {
  return { skip: (state.page - 1) * state.size, take: state.size };
}
