// The limits of a CSV upload and their messages, shared by the upload form
// (which checks a file before sending it) and the server (which checks
// again, for any client). No server imports: the form bundles this file.

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 100_000;
/** Extensions a spreadsheet's CSV export carries; anything else is most often a workbook. */
export const CSV_EXTENSIONS = [".csv", ".tsv", ".txt"] as const;

const MB = 1024 * 1024;

const maxRows = MAX_ROWS.toLocaleString("en");

export const EMPTY_FILE = "The file is empty.";
export const TOO_MANY_ROWS = `The file has more than ${maxRows} rows. Split it into smaller files.`;
export const tooLarge = (bytes: number) =>
  `The file is ${(bytes / MB).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / MB} MB. Split it into smaller files.`;
export const notCsv = (name: string) =>
  `${name} is not a CSV file (${CSV_EXTENSIONS.join(", ")}). Save the sheet as "CSV UTF-8" and upload that.`;

/**
 * Why a file cannot be uploaded, judged from its name and size alone (the rows are counted on the server); null when
 * it may be sent.
 */
export function uploadRefusal(file: { name: string; size: number }): string | null {
  const name = file.name.toLowerCase();
  if (!CSV_EXTENSIONS.some((ext) => name.endsWith(ext))) return notCsv(file.name);
  if (file.size === 0) return EMPTY_FILE;
  if (file.size > MAX_FILE_BYTES) return tooLarge(file.size);
  return null;
}
