import type { SimResponse } from "../core/http-server";
import { jcError, SimFailure } from "./errors";
import { csvParam, type ListPage } from "./list-params";

export type Row = Record<string, unknown>;

function fieldValue(row: Row, field: string): unknown {
  let v: unknown = row;
  for (const part of field.split(".")) v = v && typeof v === "object" ? (v as Row)[part] : undefined;
  return v;
}

function compare(a: unknown, b: string): number {
  if (typeof a === "number") return a - Number(b);
  const s = a === null || a === undefined ? "" : String(a);
  return s < b ? -1 : s > b ? 1 : 0;
}

type Predicate = (row: Row) => boolean;

/** Whether a comparison result satisfies an operator; v1 spells them gte/lte, v2 ge/le. */
function satisfies(op: string, c: number): boolean {
  switch (op) {
    case "eq":
      return c === 0;
    case "ne":
      return c !== 0;
    case "gt":
      return c > 0;
    case "gte":
    case "ge":
      return c >= 0;
    case "lt":
      return c < 0;
    default:
      return c <= 0;
  }
}

/** v1 `field:$op:value`; the value may itself contain colons. */
function v1Predicate(expr: string): Predicate {
  const m = /^([^:]+):\$(eq|ne|gt|gte|lt|lte):(.*)$/.exec(expr);
  if (!m) throw new SimFailure(jcError(400, `invalid filter: ${expr}`));
  const [, field = "", op = "", value = ""] = m;
  return (row) => satisfies(op, compare(fieldValue(row, field), value));
}

const V1_FILTER_KEY = /^filter(\[\d+\]|\[or\]\[\d+\])?$/;

/** Whether the query has any v1 filter at all. */
export function hasV1Filter(q: URLSearchParams): boolean {
  for (const k of q.keys()) if (V1_FILTER_KEY.test(k)) return true;
  return false;
}

/** filter=…, filter[0]=…&filter[1]=… (AND), filter[or][0]=… (OR). */
export function v1Filter(q: URLSearchParams): Predicate {
  const and: Predicate[] = [];
  const or: Predicate[] = [];
  for (const [k, v] of q) {
    if (k === "filter" || /^filter\[\d+\]$/.test(k)) and.push(v1Predicate(v));
    else if (/^filter\[or\]\[\d+\]$/.test(k)) or.push(v1Predicate(v));
  }
  return (row) => and.every((p) => p(row)) && (or.length === 0 || or.some((p) => p(row)));
}

/**
 * v2 `field:op:value` with eq ne gt ge lt le search in; several are
 * one comma-separated `filter` (v2 spec: style form, explode false).
 */
export function v2Filter(q: URLSearchParams): Predicate {
  const preds = csvParam(q, "filter").map((expr): Predicate => {
    const m = /^([^:]+):(eq|ne|gt|ge|lt|le|search|in):(.*)$/.exec(expr);
    if (!m) throw new SimFailure(jcError(400, `invalid filter: ${expr}`));
    const [, field = "", op = "", value = ""] = m;
    return (row) => {
      const v = fieldValue(row, field);
      if (op === "search")
        return String(v ?? "")
          .toLowerCase()
          .includes(value.toLowerCase());
      if (op === "in") return value.split("|").includes(String(v ?? ""));
      return satisfies(op, compare(v, value));
    };
  });
  return (row) => preds.every((p) => p(row));
}

/** Sorts a copy by `-a b` (v1, space-separated) or `-a,b` (v2). Rows are in _id order already. */
export function sortRows<T extends Row>(rows: T[], sort: string | null, separator: RegExp): T[] {
  const keys = (sort ?? "")
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s && s !== "_id" && s !== "id");
  if (keys.length === 0) return sort?.trim().startsWith("-") ? [...rows].reverse() : rows;
  const spec = keys.map((k) => (k.startsWith("-") ? { f: k.slice(1), d: -1 } : { f: k, d: 1 }));
  return [...rows].sort((a, b) => {
    for (const { f, d } of spec) {
      const c = compare(fieldValue(a, f), String(fieldValue(b, f) ?? ""));
      if (c !== 0) return c * d;
    }
    return 0;
  });
}

/**
 * Whether a sort keeps rows in their stored (_id) order, so a page can be taken without sorting or copying them all.
 */
export function keepsIdOrder(sort: string | null): boolean {
  const keys = (sort ?? "")
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return keys.every((k) => k === "_id" || k === "id");
}

/** Items skip … skip + limit of a collection, without copying it. */
export function sliceOf<T>(all: Iterable<T>, skip: number, limit: number): T[] {
  const out: T[] = [];
  let i = 0;
  for (const item of all) {
    if (i >= skip + limit) break;
    if (i >= skip) out.push(item);
    i++;
  }
  return out;
}

/** v1 `fields=a b c`: only those (and _id). */
export function project(row: Row, fields: string | null): Row {
  const list = (fields ?? "").split(/[\s,]+/).filter(Boolean);
  if (list.length === 0) return row;
  const out: Row = { _id: row._id };
  for (const f of list) if (f in row) out[f] = row[f];
  return out;
}

/** v2 list answer: a bare array, the total in x-total-count. */
export function v2List(rows: unknown[], { limit, skip }: ListPage): SimResponse {
  return { status: 200, body: rows.slice(skip, skip + limit), headers: { "x-total-count": String(rows.length) } };
}

/**
 * v2 list answer over a collection of `count` items, shaping only the page
 * asked for: a large group's 50,000 members are not all built into answers
 * for each of its 500 pages. Same answer as v2List over every item rendered.
 */
export function v2ListOf<T>(
  all: Iterable<T>,
  count: number,
  { limit, skip }: ListPage,
  render: (item: T) => unknown,
): SimResponse {
  return { status: 200, body: sliceOf(all, skip, limit).map(render), headers: { "x-total-count": String(count) } };
}
