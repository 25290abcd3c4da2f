import { describe, expect, it } from "vitest";
import { BULK_OPERATIONS, bulkOperation, templateCsv } from "./catalogue";
import { parseCsv } from "./csv";
import { mapHeaders, rowObject } from "./headers";

// The template an operator downloads must upload cleanly: its headers map to
// the operation's columns and its example row passes the row schema.
describe("bulk operation catalogue", () => {
  it("has unique ids, each found by bulkOperation", () => {
    const ids = BULK_OPERATIONS.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(bulkOperation(id)?.id).toBe(id);
  });

  it.each(BULK_OPERATIONS.map((o) => [o.id, o] as const))("%s: the template's example row is a valid row", (_id, op) => {
    const csv = parseCsv(new TextEncoder().encode(templateCsv(op)));
    if (!csv.ok) throw new Error(csv.error);
    const mapped = mapHeaders(csv.headers, op.columns);
    if (!mapped.ok) throw new Error(mapped.error);
    expect(csv.rows).toHaveLength(1);
    const parsed = bulkOperation(op.id)!.row.safeParse(rowObject(csv.rows[0].cells, mapped.index));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("no alias of one column is another column's name or alias", () => {
    const norm = (s: string) => s.toLowerCase().replace(/[\s_.\-]+/g, "");
    for (const op of BULK_OPERATIONS) {
      const seen = new Map<string, string>();
      for (const c of op.columns) {
        for (const name of new Set([c.field, c.header, ...(c.aliases ?? [])].map(norm))) {
          expect(seen.get(name) ?? c.field, `${op.id}: "${name}" names both ${seen.get(name)} and ${c.field}`).toBe(c.field);
          seen.set(name, c.field);
        }
      }
    }
  });
});
