import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OPERATIONS } from "./catalogue";
import { coverageMarkdown, coverageRows, withCoverage } from "./coverage";

describe("the README's coverage table", () => {
  it("is the catalogue's: npm run coverage:readme writes it after a change", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(withCoverage(readme)).toBe(readme);
  });

  it("has a row per operation, an undo wherever an inverse exists and none for a read", () => {
    const rows = coverageRows();
    expect(rows).toHaveLength(OPERATIONS.length);
    for (const [i, op] of OPERATIONS.entries()) {
      const undo = rows[i]![6];
      expect(undo).toBe(op.risk === "read" ? "a read" : op.inverse ? "yes" : "no");
    }
    expect(coverageMarkdown()).toContain("| JumpCloud | `jumpcloud.user.suspended` | Suspend users |");
  });
});
