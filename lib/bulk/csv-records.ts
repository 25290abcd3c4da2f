import Papa from "papaparse";
import type { BadBytes } from "./csv-text";

// Reading CSV records with what is wrong in each, for the bulk upload
// (csv.ts) and for CSV pasted into a form. Papa does the parsing; this file
// adds what Papa does not say: the line a record starts on, and a quote
// inside an unquoted cell, which Papa keeps as text without a word.

export interface CsvRecord {
  /** The line the record starts on, as a text editor numbers them. */
  line: number;
  cells: string[];
  /** What is wrong inside it ("a quote inside an unquoted cell"), without its line. */
  problems: string[];
  /** Its lines whose bytes are not text. */
  badBytes: [number, BadBytes][];
}

/**
 * Calls `each` with every record that is not blank, in order. `text` has
 * "\n" line breaks only; `bad` names lines whose bytes were not text. A
 * quote problem that reaches past its record (a quote never closed with
 * lines after it, a stray quote in a quoted cell that runs on to later
 * lines) ends the reading: no record boundary after it can be trusted, and
 * its message, naming the line, is returned. So is any message `each`
 * returns. Null when every record was read.
 */
export function readCsvRecords(
  text: string,
  delimiter: string,
  bad: Map<number, BadBytes>,
  // biome-ignore lint/suspicious/noConfusingVoidType: callbacks that accept a record return nothing, not undefined
  each: (r: CsvRecord) => string | void,
): string | null {
  let refusal = null as string | null; // (set inside Papa's callback, where TypeScript does not follow assignments)
  // Papa hands over one record at a time with the offset where it ends: the
  // previous end is where this one starts, and the line breaks before it
  // give the line it starts on.
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: "\n",
    skipEmptyLines: false,
    step: (res, parser) => {
      const end = res.meta.cursor;
      const record: RecordAt = {
        cells: res.data,
        errors: res.errors,
        start,
        end,
        line,
        breaks: lineBreaks(text, start, end),
      };
      start = end;
      line += record.breaks;
      const badBytes = badLinesOf(record, text, bad);
      if (!badBytes.length && record.cells.every((c) => c.trim() === "")) return;
      const problems = recordProblems(record, text, delimiter, badBytes);
      refusal =
        typeof problems === "string"
          ? problems
          : each({ line: record.line, cells: record.cells, problems, badBytes }) || null;
      if (refusal) parser.abort();
    },
  });
  return refusal;
}

/**
 * One record as Papa read it: `start`/`end` are offsets in the text (the end past its line break), `line` the line it
 * starts on, `breaks` the line breaks up to its end.
 */
interface RecordAt {
  cells: string[];
  errors: Papa.ParseError[];
  start: number;
  end: number;
  line: number;
  breaks: number;
}

function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** The line a record's own text ends on (its closing line break excluded). */
const lastLine = (r: RecordAt, text: string) =>
  r.line + r.breaks - (r.end > r.start && text[r.end - 1] === "\n" ? 1 : 0);

/** The record's lines that hold bytes which are not text. */
function badLinesOf(r: RecordAt, text: string, bad: Map<number, BadBytes>): [number, BadBytes][] {
  if (bad.size === 0) return [];
  const found: [number, BadBytes][] = [];
  for (let l = r.line, last = lastLine(r, text); l <= last; l++) {
    const kind = bad.get(l);
    if (kind) found.push([l, kind]);
  }
  return found;
}

const hasQuote = (cell: string) => cell.includes('"');

const BYTES: Record<BadBytes, string> = {
  "not-utf8": "bytes that are not UTF-8 text",
  nul: "a NUL byte (binary data, not text)",
};

/**
 * What is wrong inside one record, or (a string) the refusal of the whole
 * file when a quote problem reaches past it. Papa reports unclosed quotes
 * and stray quotes in quoted cells; a quote inside an unquoted cell it
 * keeps as text without a word, so that is looked for here.
 */
function recordProblems(
  r: RecordAt,
  text: string,
  delimiter: string,
  badBytes: [number, BadBytes][],
): string[] | string {
  const problems: string[] = [];
  // Nearly every row of a 100,000-row file: nothing to look at.
  if (!badBytes.length && !r.errors.length && !r.cells.some(hasQuote)) return problems;
  for (const [l, kind] of badBytes) problems.push(BYTES[kind] + (l === r.line ? "" : ` (on line ${l})`));
  // Papa's index is just past the opening quote.
  const openedOn = (e: Papa.ParseError) => r.line + lineBreaks(text, r.start, (e.index ?? r.start + 1) - 1);
  const missing = r.errors.find((e) => e.code === "MissingQuotes");
  if (missing) {
    // The unclosed cell runs to the end of the file; past the last line, that swallows rows.
    if (
      text
        .slice(missing.index ?? r.start, r.end)
        .trimEnd()
        .includes("\n")
    ) {
      return (
        `The quote opened on line ${openedOn(missing)} is never closed: everything after it would read as one cell. ` +
        `Close it, or write a quote meant as text as two ("").`
      );
    }
    problems.push("a quote that is never closed");
  }
  const stray = r.errors.find((e) => e.code === "InvalidQuotes");
  if (stray && !missing) {
    const last = lastLine(r, text);
    // Papa looks on for a quote it can close the cell with, across lines: the rows in between would merge.
    if (last > r.line)
      return (
        `The quoted cell opened on line ${openedOn(stray)} holds a stray quote, and its row runs on to line ${last}: ` +
        `those lines would read as one row. Write a quote inside a quoted cell as two ("").`
      );
    problems.push('a stray quote inside a quoted cell (write a quote inside one as two: "")');
  }
  if (!missing && !stray && r.cells.some(hasQuote) && quoteInUnquotedCell(r, text, delimiter))
    problems.push("a quote inside an unquoted cell");
  return problems;
}

/**
 * Walks the record's text cell by cell: a cell is quoted when it starts
 * with a quote (its text then holds each inner quote twice, and Papa allows
 * spaces after the closing quote); an unquoted cell must hold no quote.
 */
function quoteInUnquotedCell(r: RecordAt, text: string, delimiter: string): boolean {
  let at = r.start;
  for (const cell of r.cells) {
    if (text[at] === '"') {
      at += cell.length + cell.split('"').length - 1 + 2;
      while (at < r.end && !text.startsWith(delimiter, at) && text[at] !== "\n") at++;
    } else {
      if (cell.includes('"')) return true;
      at += cell.length;
    }
    at += delimiter.length;
  }
  return false;
}

/** Cells up to the last one with text past `width`: a sheet's trailing delimiters are not cells. */
export function cellCount(cells: string[], width: number): number {
  let n = cells.length;
  while (n > width && cells[n - 1]?.trim() === "") n--;
  return n;
}
