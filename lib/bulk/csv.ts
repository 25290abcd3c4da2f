import Papa from "papaparse";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 100_000;

export type ParsedCsv =
  | { ok: true; headers: string[]; rows: { line: number; cells: string[] }[]; delimiter: string }
  | { ok: false; error: string };

/**
 * Reads an uploaded spreadsheet export: UTF-8 with or without a BOM, CRLF or
 * LF, comma, semicolon or tab (detected), quoted fields. `line` is the
 * spreadsheet's row number (the header is row 1). Never throws: whatever the
 * bytes, the answer is rows or one clear error.
 */
export function parseCsv(bytes: Uint8Array): ParsedCsv {
  if (bytes.byteLength === 0) return { ok: false, error: "The file is empty." };
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, error: `The file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; the limit is 20 MB. Split it into smaller files.` };
  if (bytes.includes(0)) return { ok: false, error: "This is not a text file (it contains binary data). Save the sheet as CSV (UTF-8) and upload that." };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, error: "The file is not UTF-8 text. Save the sheet as \"CSV UTF-8\" and upload that." };
  }
  if (text.trim() === "") return { ok: false, error: "The file is empty." };

  // The delimiter is guessed without empty lines (they skew Papa's field counts);
  // the real parse keeps them so that row numbers match the spreadsheet's.
  const guess = Papa.parse<string[]>(text, { preview: 50, skipEmptyLines: "greedy", delimitersToGuess: [",", ";", "\t"] });
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: guess.meta.delimiter });
  const records = parsed.data;
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ""));
  if (headerIndex < 0) return { ok: false, error: "The file is empty." };
  const headers = records[headerIndex].map((h) => h.trim());
  const rows: { line: number; cells: string[] }[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i];
    if (cells.every((c) => c.trim() === "")) continue;
    rows.push({ line: i + 1, cells });
    if (rows.length > MAX_ROWS) return { ok: false, error: `The file has more than ${MAX_ROWS.toLocaleString("en")} rows. Split it into smaller files.` };
  }
  if (rows.length === 0) return { ok: false, error: "The file has a header but no rows." };
  return { ok: true, headers, rows, delimiter: parsed.meta.delimiter };
}
