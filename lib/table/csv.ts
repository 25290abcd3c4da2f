/**
 * One CSV cell (RFC 4180 quoting). A text starting with = + - @ (or a tab or
 * carriage return) is a formula to a spreadsheet, so it gets a leading
 * apostrophe: an exported device name must never run as a formula.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly unknown[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}
