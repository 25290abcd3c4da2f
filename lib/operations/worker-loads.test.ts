import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// The job worker (scripts/worker.ts) is plain Node with tsx, not Next: a
// module it reaches that imports "server-only" throws as it loads, and the
// worker dies and restarts for ever (no sync, no bulk job). It reaches every
// operation through the bulk catalogue, so what an operation imports must
// load outside Next. Tests stub "server-only" (vitest.config.ts): this one
// loads the worker's modules in a Node of their own, as the worker does.

describe("the job worker's modules", () => {
  it("load in plain Node, as scripts/worker.ts loads them", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", 'await import("./lib/jobs/worker.ts"); console.log("loaded");'],
      { cwd: process.cwd(), encoding: "utf8", timeout: 60_000 },
    );
    // The first line of the error, not its stack (which would name files vitest cannot map).
    expect(/^\w*Error: .*$/m.exec(run.stderr)?.[0] ?? null).toBeNull();
    expect(run.stdout.trim()).toBe("loaded");
  }, 90_000);
});
