/**
 * RFC 4180 CSV. A cell that a spreadsheet would run as a formula (= + - @)
 * is prefixed with a quote mark, so an exported value cannot execute.
 */
export function toCsv(rows: readonly (readonly (string | null | undefined)[])[]): string {
  const cell = (v: string | null | undefined) => {
    let s = v ?? "";
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
