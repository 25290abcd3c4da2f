import Papa from "papaparse";
import { cellCount, readCsvRecords } from "./csv-records";
import { type BadBytes, BINARY_FILE, decodeCsv } from "./csv-text";
import { EMPTY_FILE, MAX_FILE_BYTES, MAX_ROWS, TOO_MANY_ROWS, tooLarge } from "./upload-limits";

export { MAX_FILE_BYTES, MAX_ROWS } from "./upload-limits";

export interface CsvRow {
  /** The line the row starts on, as a text editor numbers them (the header is usually line 1). */
  line: number;
  cells: string[];
  /**
   * Set when the row cannot be read as written: "Line 7: 5 cells where the header has 4". Such a row plans as an error
   * and is never sent.
   */
  error?: string;
  /** Its cells do not line up with the header (too many or too few), so they must not be read by column. */
  misaligned?: true;
}

export type ParsedCsv =
  | { ok: true; headers: string[]; rows: CsvRow[]; delimiter: string }
  | { ok: false; error: string };

/**
 * Reads an uploaded spreadsheet export: UTF-8 with or without a BOM, CRLF,
 * LF or CR, comma, semicolon or tab (detected), quoted fields, quoted cells
 * over several lines. Never throws: whatever the bytes, the answer is rows
 * or one clear error. Nothing is read silently wrong: a row is read as
 * written, or it comes back with an `error` naming its line.
 *
 * What costs a row and what costs the file:
 * - A row becomes an error row (the other rows still plan) when its problem
 *   stays inside it: more or fewer cells than the header (empty cells past
 *   the header's last column, a sheet's trailing delimiters, do not count),
 *   a quote inside an unquoted cell (`ab"c`), a stray quote inside a quoted
 *   cell that still closes on its own line, a quote opened on the file's
 *   last line and never closed, bytes that are not UTF-8 or a NUL on any of
 *   its lines.
 * - The file is refused, naming the line where it breaks, when a problem
 *   reaches past a row, so that no row boundary after it can be trusted: a
 *   quote never closed with lines after it (the rest of the file would read
 *   as one cell), a stray quote in a quoted cell that runs on to later lines
 *   (those lines would merge into one row), and any problem in the header,
 *   through which every row is read. So is a file that is not text at all
 *   (a workbook, UTF-16), and one over the size or row limits.
 */
export function parseCsv(bytes: Uint8Array): ParsedCsv {
  if (bytes.byteLength === 0) return { ok: false, error: EMPTY_FILE };
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, error: tooLarge(bytes.byteLength) };
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return decoded;
  const { text, bad } = decoded;
  if (text.trim() === "") return { ok: false, error: EMPTY_FILE };

  // The delimiter is guessed from the file's start, without empty lines (they
  // skew Papa's field counts); the real parse keeps them so that line numbers
  // stay exact.
  const guess = Papa.parse<string[]>(text.slice(0, 64 * 1024), {
    preview: 50,
    skipEmptyLines: "greedy",
    newline: "\n",
    delimitersToGuess: [",", ";", "\t"],
  });
  const delimiter = guess.meta.delimiter;

  let headers = null as string[] | null; // (set inside the callback, where TypeScript does not follow assignments)
  let width = 0;
  const rows: CsvRow[] = [];
  const refusal = readCsvRecords(text, delimiter, bad, (record) => {
    const problems = record.problems;
    if (!headers) {
      if (problems.length) return headerRefusal(record.line, problems, record.badBytes);
      headers = record.cells.map((h) => h.trim());
      width = headers.length;
      while (width > 1 && headers[width - 1] === "") width--;
      return;
    }
    const row: CsvRow = { line: record.line, cells: record.cells };
    const count = cellCount(record.cells, width);
    if (count !== width) {
      problems.push(`${count} cell${count === 1 ? "" : "s"} where the header has ${width}`);
      row.misaligned = true;
    }
    if (problems.length) row.error = `Line ${record.line}: ${problems.join("; ")}`;
    rows.push(row);
    if (rows.length > MAX_ROWS) return TOO_MANY_ROWS;
  });
  if (refusal) return { ok: false, error: refusal };
  if (!headers) return { ok: false, error: EMPTY_FILE };
  if (rows.length === 0) return { ok: false, error: "The file has a header but no rows." };
  return { ok: true, headers, rows, delimiter };
}

/** Every row is read through the header: a header that cannot be read refuses the file. */
function headerRefusal(line: number, problems: string[], badBytes: [number, BadBytes][]): string {
  if (badBytes.some(([, kind]) => kind === "nul")) return BINARY_FILE;
  if (badBytes.length)
    return `The header (line ${line}) is not UTF-8 text. Save the sheet as "CSV UTF-8" and upload that.`;
  return `The header (line ${line}) cannot be read: ${problems.join("; ")}.`;
}
