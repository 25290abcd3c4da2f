import { canonicalJson } from "../audit/canonical-json";
import type { SqlType } from "./target";

/** A column value as the writer sends it: text, or null. */
export function toText(type: SqlType, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (type === "jsonb" || type === "text[]") return JSON.stringify(v);
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Postgres renders values its own way (timestamps, booleans); both sides are compared in this form. */
export function normalise(type: SqlType, v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  switch (type) {
    // Prisma's DateTime columns are timestamp(3) holding UTC; their text form has no zone.
    case "timestamptz":
      return new Date(/[zZ]|[+-]\d\d(:?\d\d)?$/.test(v) ? v : `${v.replace(" ", "T")}Z`).toISOString();
    case "bool":
      return String(v === "true" || v === "t");
    case "int":
      return String(Number(v));
    case "jsonb":
    case "text[]": {
      try {
        return canonicalJson(type === "text[]" && v.startsWith("{") ? pgArray(v) : JSON.parse(v));
      } catch {
        return v;
      }
    }
    default:
      return v;
  }
}

/** A normalised value as an audit event shows it. */
export function display(type: SqlType, v: string | null | undefined): unknown {
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
  for (const m of inner.matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : (m[2] ?? ""));
  return out;
}
