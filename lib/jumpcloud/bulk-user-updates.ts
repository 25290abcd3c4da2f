import { cellCount, readCsvRecords } from "../bulk/csv-records";
import { normHeader } from "../bulk/headers";
import { Upn } from "../people/upn";

/** The fields JumpCloud's bulk update job may set from the bulk page (the user page edits the same ones). */
export const UPDATE_FIELDS = ["firstname", "lastname", "displayname", "department", "jobTitle"] as const;
export type UpdateField = (typeof UPDATE_FIELDS)[number];
export type UserUpdate = { email: string; set: Partial<Record<UpdateField, string>> };

const MAX_LENGTH: Record<UpdateField, number> = {
  firstname: 100,
  lastname: 100,
  displayname: 200,
  department: 100,
  jobTitle: 100,
};

/**
 * The updates of JumpCloud's "update users" job, from CSV pasted into the bulk page: a header line naming `email`
 * first and then any of the fields, one user per line after it. An empty cell leaves that field as it is. Read as
 * CSV (a quoted "Smith, Jr" is one cell); a line that cannot be read, an unknown column or a user given twice is named
 * in `problems`, and any problem refuses the whole job, as JumpCloud's job is all of them at once.
 */
export function readUserUpdates(text: string): { updates: UserUpdate[]; problems: string[] } {
  const updates: UserUpdate[] = [];
  const problems: string[] = [];
  let columns: UpdateField[] | null = null;
  const seen = new Set<string>();
  const refusal = readCsvRecords(text.replace(/\r\n?/g, "\n"), ",", new Map(), (r) => {
    const cells = r.cells.map((c) => c.trim());
    if (!columns) {
      const [first, ...rest] = cells.map(normHeader);
      const unknown = rest.filter((h) => !UPDATE_FIELDS.some((f) => normHeader(f) === h));
      if (first !== "email" || unknown.length || rest.length === 0) {
        problems.push(
          `Line ${r.line}: the first line names the columns: email, then any of ${UPDATE_FIELDS.join(", ")}` +
            (unknown.length ? ` (not ${unknown.join(", ")})` : ""),
        );
        columns = [];
        return;
      }
      columns = rest.map((h) => UPDATE_FIELDS.find((f) => normHeader(f) === h) as UpdateField);
      return;
    }
    if (columns.length === 0) return;
    const wrong = [...r.problems];
    const width = columns.length + 1;
    const count = cellCount(cells, width);
    if (count > width) wrong.push(`${count} cells where the header names ${width}`);
    const [email = "", ...values] = cells;
    if (!Upn.safeParse(email).success) wrong.push(`${email || "(empty)"} is not an email`);
    else if (seen.has(email.toLowerCase())) wrong.push(`${email} is on an earlier line too`);
    const set: UserUpdate["set"] = {};
    columns.forEach((f, i) => {
      const v = values[i] ?? "";
      if (v.length > MAX_LENGTH[f]) wrong.push(`${f} is longer than ${MAX_LENGTH[f]} characters`);
      else if (v) set[f] = v;
    });
    if (wrong.length) problems.push(`Line ${r.line}: ${wrong.join("; ")}`);
    else {
      seen.add(email.toLowerCase());
      updates.push({ email, set });
    }
  });
  if (refusal) problems.push(refusal);
  return { updates, problems };
}
