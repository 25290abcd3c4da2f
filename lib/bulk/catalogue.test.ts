import { describe, expect, it } from "vitest";
import { BULK_OPERATIONS, bulkOperation, templateCsv } from "./catalogue";
import { parseCsv } from "./csv";
import { mapHeaders, normHeader, rowObject } from "./headers";

describe("bulk catalogue", () => {
  it(
    "has unique ids, and every template (as /api/bulk/templates/[op] serves it) " +
      "reads back as a valid row of its operation",
    () => {
      expect(new Set(BULK_OPERATIONS.map((o) => o.id)).size).toBe(BULK_OPERATIONS.length);
      for (const o of BULK_OPERATIONS) {
        const op = bulkOperation(o.id)!;
        const csv = parseCsv(new TextEncoder().encode(templateCsv(o)));
        if (!csv.ok) throw new Error(`${o.id}: ${csv.error}`);
        const mapped = mapHeaders(csv.headers, op.columns);
        if (!mapped.ok) throw new Error(`${o.id}: ${mapped.error}`);
        expect(csv.rows, o.id).toHaveLength(1);
        const parsed = op.row.safeParse(rowObject(csv.rows[0]!.cells, mapped.index));
        expect(parsed.success, `${o.id}: ${parsed.error?.message}`).toBe(true);
      }
    },
  );

  it("marks the operations whose console page action is for admins with the page action's permission", () => {
    const perm = (id: string) => bulkOperation(id)?.perm ?? null;
    expect(perm("trugrid.assignment.created")).toBe("trugrid.domain.write");
    expect(perm("twingate.user.role_changed")).toBe("twingate.network.write");
    expect(perm("truu.user.deleted")).toBe("truu.write");
    expect(perm("truu.device.deleted")).toBe("truu.write");
    // Operations of the catalogue carry their page action's permission (an operator's).
    for (const id of [
      "twingate.device.blocked",
      "twingate.device.unblocked",
      "twingate.device.archived",
      "twingate.device.trusted",
    ])
      expect(perm(id), id).toBe("twingate.write");
    expect(bulkOperation("truu.user.deleted")).toMatchObject({
      destructive: true,
      repeatable: false,
      check: expect.any(Function),
    });
  });

  it("no alias of one column is another column's name or alias (a header would map to either)", () => {
    for (const op of BULK_OPERATIONS) {
      const seen = new Map<string, string>();
      for (const c of op.columns) {
        for (const name of new Set([c.field, c.header, ...(c.aliases ?? [])].map(normHeader))) {
          expect(seen.get(name) ?? c.field, `${op.id}: "${name}" names both ${seen.get(name)} and ${c.field}`).toBe(
            c.field,
          );
          seen.set(name, c.field);
        }
      }
    }
  });
});
