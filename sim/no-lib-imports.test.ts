import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The simulators follow the vendors' documents, not the clients: nothing under
// sim/ may import (or read a file) from lib/, or a client's mistake would be
// the simulator's too and pass both sides of a test.
const SIM = import.meta.dirname;
const LIB = path.resolve(SIM, "../lib");

/**
 * Module specifiers and file URLs a source file names: import/export … from,
 * import(), require(), new URL(…, import.meta.url).
 */
function referencedPaths(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\bnew\s+URL\s*\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g,
  ];
  return patterns.flatMap((p) => [...source.matchAll(p)].map((m) => m[1] ?? ""));
}

/** Whether a specifier written in a file in dir lands in lib/ (relative, or through the @/ alias). */
function pointsIntoLib(dir: string, specifier: string): boolean {
  const target = specifier.startsWith("@/")
    ? path.resolve(SIM, "..", specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(dir, specifier)
      : null;
  return target !== null && (target === LIB || target.startsWith(LIB + path.sep));
}

const sources = (readdirSync(SIM, { recursive: true }) as string[])
  .filter((f) => /\.(ts|tsx|mts|js|mjs)$/.test(f))
  .map((f) => path.join(SIM, f))
  // This file names lib/ paths as examples for the scanner.
  .filter((f) => f !== import.meta.filename);

describe("sim/ stays independent of lib/", () => {
  it("finds imports, dynamic imports and file URLs that reach lib/", () => {
    const dir = path.join(SIM, "jumpcloud");
    const found = referencedPaths(
      [
        'import { MemberOp } from "../../lib/vendors/jumpcloud/schemas";',
        'import type {\n  X,\n} from "@/lib/vendors/jumpcloud/client";',
        'const m = await import("../../lib/db");',
        'const SDL = new URL("../../lib/vendors/twingate/schema.graphql", import.meta.url);',
        'import { json } from "../core/http-server";',
        'import { readFileSync } from "node:fs";',
      ].join("\n"),
    );
    expect(found.filter((s) => pointsIntoLib(dir, s))).toHaveLength(4);
    expect(found.filter((s) => !pointsIntoLib(dir, s))).toEqual(["../core/http-server", "node:fs"]);
  });

  it("no file under sim/ refers to lib/", () => {
    expect(sources.length).toBeGreaterThan(20);
    const offending = sources.flatMap((file) =>
      referencedPaths(readFileSync(file, "utf8"))
        .filter((s) => pointsIntoLib(path.dirname(file), s))
        .map((s) => `${path.relative(SIM, file)}: ${s}`),
    );
    expect(offending).toEqual([]);
  });
});
