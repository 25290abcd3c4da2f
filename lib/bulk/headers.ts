import type { CsvRow } from "./csv";

export interface ColumnSpec {
  /** The field name rows are validated with. */
  field: string;
  /** The header written in the template. */
  header: string;
  aliases?: readonly string[];
  required: boolean;
  example: string;
  hint?: string;
}

/** Headers compare without case, spaces, dashes, underscores or dots: "User UPN" = "user_upn" = "userUpn". */
export const normHeader = (h: string) => h.toLowerCase().replace(/[\s_.-]+/g, "");

/** Aliases most sheets use for a person's identifier. */
export const UPN_ALIASES = [
  "upn",
  "userprincipalname",
  "email",
  "emailaddress",
  "mail",
  "user",
  "username",
  "login",
] as const;

export type HeaderMap = { ok: true; index: Record<string, number> } | { ok: false; error: string };

/** Which column holds each field; a missing required field or an unknown column is named in the error. */
export function mapHeaders(headers: string[], columns: readonly ColumnSpec[]): HeaderMap {
  const index: Record<string, number> = {};
  const unknown: string[] = [];
  const duplicate: string[] = [];
  headers.forEach((h, i) => {
    // "#…" columns are notes (such as the reason column of a failed-rows file): kept out of the rows, never an error.
    if (h === "" || h.startsWith("#")) return;
    const n = normHeader(h);
    const col = columns.find(
      (c) => normHeader(c.header) === n || normHeader(c.field) === n || c.aliases?.some((a) => normHeader(a) === n),
    );
    if (!col) unknown.push(h);
    else if (col.field in index) duplicate.push(h);
    else index[col.field] = i;
  });
  const missing = columns.filter((c) => c.required && !(c.field in index)).map((c) => c.header);
  const problems: string[] = [];
  if (missing.length) problems.push(`missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`);
  if (unknown.length) problems.push(`unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`);
  if (duplicate.length) problems.push(`column given twice: ${duplicate.join(", ")}`);
  if (problems.length) {
    const expected = columns.map((c) => c.header + (c.required ? "" : " (optional)")).join(", ");
    return {
      ok: false,
      error: `The columns do not fit this operation (${problems.join("; ")}). Expected: ${expected}.`,
    };
  }
  return { ok: true, index };
}

/** A row's cells by field name, trimmed; absent optional fields are left out. */
export function rowObject(cells: string[], index: Record<string, number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, i] of Object.entries(index)) {
    const v = (cells[i] ?? "").trim();
    if (v !== "") out[field] = v;
  }
  return out;
}

/**
 * What a row the file could not read stores as its input: its cells by
 * column when they line up with the header, otherwise all of them as read
 * under "#cells" (shown on the plan; the failed-rows file, which writes the
 * operation's columns only, leaves them empty rather than shifted).
 */
export function malformedInput(r: CsvRow, index: Record<string, number>): Record<string, string> {
  return r.misaligned ? { "#cells": r.cells.join(" · ") } : rowObject(r.cells, index);
}
