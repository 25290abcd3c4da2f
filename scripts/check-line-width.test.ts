import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A folder with a biome.json (width 20, src/ but not src/skip.ts) and these files; the script's exit and output. */
function check(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), "line-width-"));
  dirs.push(dir);
  const biome = { files: { includes: ["src/**", "!src/skip.ts"] }, formatter: { lineWidth: 20 } };
  writeFileSync(path.join(dir, "biome.json"), JSON.stringify(biome));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/check-line-width.ts", dir], {
    encoding: "utf8",
  });
  return { status: run.status, out: run.stdout + run.stderr };
}

const long = `// ${"x".repeat(18)}`; // 21 characters
const atWidth = `// ${"…".repeat(17)}`; // 20 characters, 54 bytes

describe("check-line-width", () => {
  it("fails and names file:line for a line of an included file longer than biome.json's lineWidth", () => {
    const r = check({
      "src/a.ts": `const a = 1;\n${long}\n`,
      "src/b/c.ts": atWidth,
      "src/skip.ts": long,
      "other.ts": long,
    });
    expect(r.status).toBe(1);
    expect(r.out).toContain("src/a.ts:2 21 characters");
    expect(r.out).not.toMatch(/src\/b\/c\.ts|skip\.ts|other\.ts/);
  });

  it("passes when no included line is longer", () => {
    const r = check({ "src/a.ts": `const a = 1;\r\n${atWidth}\r\n`, "src/skip.ts": long });
    expect(r.out).toContain("1 files, no line longer than 20");
    expect(r.status).toBe(0);
  });
});
