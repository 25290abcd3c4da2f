/**
 * A cell a spreadsheet would run as a formula (= + - @, or a leading tab or
 * carriage return) gets a leading apostrophe, so an exported value such as a
 * vendor-supplied name can never execute when the file is opened.
 */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s =
    typeof value === "string"
      ? value
      : value instanceof Date
        ? value.toISOString()
        : typeof value === "object"
          ? JSON.stringify(value)
          : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
