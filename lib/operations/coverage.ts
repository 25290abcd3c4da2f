import { OFFBOARDING_STEPS } from "../offboarding/step-list";
import { VENDOR_LABEL } from "../vendors/connection-fields";
import { OPERATIONS } from "./catalogue";
import { LEFT_OUT } from "./left-out";
import { type AnyOperation, offers } from "./operation";

// The README's coverage table, made from the catalogue itself: what each
// operation is offered as, whether it can be undone, and the documented
// operations left out with why. `npm run coverage:readme` writes it; a test
// fails when the README's copy is not the catalogue's.

export const COVERAGE_START = "<!-- coverage:start (npm run coverage:readme writes this table) -->";
export const COVERAGE_END = "<!-- coverage:end -->";

const yes = "yes";

function undo(op: AnyOperation): string {
  if (op.risk === "read") return "a read";
  if (op.inverse) return yes;
  return "no";
}

/** One row per operation: id, vendor, label, page, CSV, runbook, undo, API-ready, test. */
export function coverageRows(ops: readonly AnyOperation[] = OPERATIONS): string[][] {
  const inRunbook = new Set(OFFBOARDING_STEPS.map((s) => s.op.id));
  return ops.map((op) => [
    VENDOR_LABEL[op.vendor],
    `\`${op.id}\``,
    op.label,
    offers(op, "page") ? yes : "—",
    offers(op, "csv") ? yes : "—",
    inRunbook.has(op.id) ? "offboarding" : "—",
    undo(op),
    // Every catalogue entry carries its input schema, permission and audit: what an API route is derived from.
    yes,
    // lib/operations/catalogue.int.test.ts has a describe block for every entry (describe.each over the catalogue).
    yes,
  ]);
}

const line = (cells: string[]) => `| ${cells.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;

/** The README block, markers included. */
export function coverageMarkdown(): string {
  const rows = coverageRows();
  const count = (col: number) => rows.filter((r) => r[col] === yes).length;
  const head = [
    "Vendor",
    "Operation id",
    "What it does",
    "Console",
    "Bulk CSV",
    "Runbook",
    "Undo",
    "API-ready",
    "Tested",
  ];
  return [
    COVERAGE_START,
    "",
    `${rows.length} operations: ${count(3)} on a console page, ${count(4)} in bulk from a CSV, ` +
      `${count(6)} undoable. "Undo: no" is a change the vendor cannot put back (a delete, a reset, a wipe); ` +
      'the event keeps what was there. "Tested": the catalogue test (lib/operations/catalogue.int.test.ts) ' +
      "checks each entry's surfaces, permission, plan and audit against the simulators.",
    "",
    line(head),
    line(head.map(() => "---")),
    ...rows.map(line),
    "",
    "Documented operations left out, and why:",
    "",
    line(["Vendor", "Operation", "Why"]),
    line(["---", "---", "---"]),
    ...LEFT_OUT.map((l) => line([VENDOR_LABEL[l.vendor], l.operation, l.why])),
    "",
    COVERAGE_END,
  ].join("\n");
}

/** The README with its coverage block replaced (or added at the end of the coverage section's heading). */
export function withCoverage(readme: string): string {
  const start = readme.indexOf(COVERAGE_START);
  const end = readme.indexOf(COVERAGE_END);
  if (start < 0 || end < start) throw new Error("The README has no coverage markers.");
  return readme.slice(0, start) + coverageMarkdown() + readme.slice(end + COVERAGE_END.length);
}
