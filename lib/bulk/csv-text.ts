// An upload's bytes as text, with the lines whose bytes are not text named
// rather than the whole file refused: one mis-saved cell should cost its
// row, not the upload.

/** What is wrong with a line's bytes. */
export type BadBytes = "not-utf8" | "nul";

export type CsvText =
  /**
   * `text` has every line break as "\n"; `bad` maps a line (1-based, as a text editor counts them) to what is wrong
   * with its bytes.
   */
  { ok: true; text: string; bad: Map<number, BadBytes> } | { ok: false; error: string };

export const BINARY_FILE =
  "This is not a CSV file (it holds binary data, such as an Excel workbook). " +
  'Save the sheet as "CSV UTF-8" and upload that.';
const UTF16_FILE = 'The file is UTF-16 text (Excel\'s "Unicode text"). Save the sheet as "CSV UTF-8" and upload that.';

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const LF = 0x0a;
const CR = 0x0d;

/**
 * Decodes UTF-8 (a BOM is dropped). A file that decodes cleanly costs one
 * decoder call; otherwise each line is checked on its own, its bad bytes
 * become U+FFFD (NUL too: Postgres cannot store it in a row's input) and the
 * line is reported. Lines end at LF, CRLF or a lone CR, as in any editor;
 * the text comes back with "\n" alone so that the parser and the line count
 * agree whatever the file mixes.
 */
export function decodeCsv(bytes: Uint8Array): CsvText {
  // Workbooks (zip: .xlsx, .ods; OLE: .xls) and UTF-16 would be a bad byte on every line: say what they are instead.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    return { ok: false, error: BINARY_FILE };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { ok: false, error: UTF16_FILE };

  const hasNul = bytes.indexOf(0) !== -1;
  if (!hasNul) {
    try {
      return { ok: true, text: oneLineBreak(new TextDecoder("utf-8", { fatal: true }).decode(bytes)), bad: new Map() };
    } catch {
      // Some line is not UTF-8: find which below.
    }
  }
  let text = new TextDecoder("utf-8").decode(bytes);
  if (hasNul) text = text.replaceAll("\0", "\uFFFD");
  return { ok: true, text: oneLineBreak(text), bad: badLines(bytes) };
}

const oneLineBreak = (text: string) => (text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text);

/**
 * The lines whose bytes are not UTF-8 text or hold a NUL. A line break byte never occurs inside a UTF-8 sequence, so
 * lines split safely on bytes.
 */
function badLines(bytes: Uint8Array): Map<number, BadBytes> {
  const strict = new TextDecoder("utf-8", { fatal: true });
  const bad = new Map<number, BadBytes>();
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i] : LF;
    if (b !== LF && b !== CR) continue;
    const bytesOfLine = bytes.subarray(start, i);
    if (bytesOfLine.includes(0)) bad.set(line, "nul");
    else {
      try {
        strict.decode(bytesOfLine);
      } catch {
        bad.set(line, "not-utf8");
      }
    }
    if (b === CR && bytes[i + 1] === LF) i++;
    line++;
    start = i + 1;
  }
  return bad;
}
