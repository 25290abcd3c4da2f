import { safeCell } from "../csv/safe-cell";

/** RFC 4180 CSV whose cells cannot run as spreadsheet formulas (see safeCell). */
export function toCsv(rows: readonly (readonly (string | null | undefined)[])[]): string {
  const cell = (v: string | null | undefined) => {
    const s = safeCell(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
