import { GraphQLError } from "graphql";
import { cursorIndex, cursorOf } from "./ids";

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Largest page a connection serves; more is refused, as graphene's max_limit does. */
export const MAX_PAGE = 100;

function index(cursor: string, field: string): number {
  const i = cursorIndex(cursor);
  if (i === null) throw new GraphQLError(`Invalid cursor on the \`${field}\` connection: ${cursor}`);
  return i;
}

/**
 * A whole list taken as it is stored (a Map's or Set's values, in list
 * order): paging it copies only the page, where a 100,000-device list would
 * otherwise be copied for each of its 1,000 pages.
 */
export interface StoredRows<T> {
  readonly size: number;
  values(): Iterable<T>;
}

function sliceOf<T>(rows: StoredRows<T>, start: number, end: number): T[] {
  const out: T[] = [];
  let i = 0;
  for (const row of rows.values()) {
    if (i >= end) break;
    if (i >= start) out.push(row);
    i++;
  }
  return out;
}

/** A Relay connection over an already filtered list, sliced by first/after/last/before. */
export function connection<T, E extends object = { node: T }>(
  rows: T[] | StoredRows<T>,
  args: PageArgs,
  field: string,
  edge: (item: T) => E = (node) => ({ node }) as unknown as E,
) {
  const count = Array.isArray(rows) ? rows.length : rows.size;
  for (const k of ["first", "last"] as const) {
    const v = args[k];
    if (v === undefined || v === null) continue;
    if (v < 0) throw new GraphQLError(`Argument "${k}" must be a non-negative integer`);
    if (v > MAX_PAGE)
      throw new GraphQLError(
        `Requesting ${v} records on the \`${field}\` connection exceeds the \`${k}\` limit of ${MAX_PAGE} records.`,
      );
  }
  const lower = args.after ? index(args.after, field) + 1 : 0;
  const upper = args.before ? Math.min(index(args.before, field), count) : count;
  let start = Math.min(lower, count);
  let end = Math.max(start, upper);
  const first = args.first ?? (args.last === undefined || args.last === null ? MAX_PAGE : null);
  if (first !== null) end = Math.min(end, start + first);
  if (args.last !== undefined && args.last !== null) start = Math.max(start, end - args.last);
  const page = Array.isArray(rows) ? rows.slice(start, end) : sliceOf(rows, start, end);
  const edges = page.map((item, i) => ({ cursor: cursorOf(start + i), ...edge(item) }));
  return {
    edges,
    totalCount: count,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasNextPage: end < upper,
      hasPreviousPage: start > lower,
    },
  };
}
