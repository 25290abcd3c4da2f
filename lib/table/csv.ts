import { safeCell } from "../csv/safe-cell";

/**
 * One CSV cell (RFC 4180 quoting). Text that a spreadsheet would run as a
 * formula is neutralised by safeCell; numbers and booleans are data, not text,
 * and are written as they are.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = typeof value === "string" ? safeCell(value) : value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** A yes/no column of an export; unknown (null) stays empty rather than reading as "no". */
export const yesNo = (value: boolean | null | undefined) => (value == null ? null : value ? "yes" : "no");
