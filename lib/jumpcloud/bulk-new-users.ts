import { cellCount, readCsvRecords } from "../bulk/csv-records";
import { Upn } from "../people/upn";
import type * as S from "../vendors/jumpcloud/schemas";

const COLUMNS = "email,username,firstname,lastname";

/**
 * The users of JumpCloud's "create users" job, from CSV pasted into the
 * bulk page: email,username[,firstname[,lastname]] per line, a header line
 * skipped. Read as CSV (a quoted "Bloggs, Jr" is one cell), so a name is
 * never split into the next column; a line with a fifth cell, a stray quote
 * or no email and username is named in `problems` rather than sent cut
 * short. The job is all or nothing: any problem refuses it.
 */
export function readNewUsers(text: string): { users: S.BulkUserCreate[]; problems: string[] } {
  const users: S.BulkUserCreate[] = [];
  const problems: string[] = [];
  let first = true;
  const refusal = readCsvRecords(text.replace(/\r\n?/g, "\n"), ",", new Map(), (r) => {
    const cells = r.cells.map((c) => c.trim());
    const header = first && cells[0]?.toLowerCase() === "email";
    first = false;
    if (header) return;
    const wrong = [...r.problems];
    const count = cellCount(cells, 4);
    if (count > 4) wrong.push(`${count} cells where at most 4 are read (${COLUMNS})`);
    const [email = "", username = "", firstname = "", lastname = ""] = cells;
    if (!wrong.length && (!Upn.safeParse(email).success || !username))
      wrong.push(`needs an email and a username (${COLUMNS})`);
    if (wrong.length) problems.push(`Line ${r.line}: ${wrong.join("; ")}`);
    else users.push({ email, username, ...(firstname ? { firstname } : {}), ...(lastname ? { lastname } : {}) });
  });
  if (refusal) problems.push(refusal);
  return { users, problems };
}
