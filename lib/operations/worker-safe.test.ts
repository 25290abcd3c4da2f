import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

// The job worker (scripts/worker.ts) runs under plain Node, not Next: a
// module marked "server-only" throws there when imported, and the worker
// then dies at start. Tests stub "server-only" (vitest.config.ts), so this
// loads the bulk catalogue, and with it every operation module, as the
// worker does.

const ROOT = path.resolve(import.meta.dirname, "../..");

it("every operation loads in the worker's plain Node process", async () => {
  const load = "import('./lib/bulk/catalogue.ts').then((m) => console.log(m.BULK_OPERATIONS.length))";
  const loaded = await promisify(execFile)(process.execPath, ["--import", "tsx", "-e", load], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production" },
  }).then(
    ({ stdout }) => ({ operations: Number(stdout.trim()), error: null }),
    // The child's error line only: its stack would be read as this test's.
    (err: { stderr?: string }) => ({ operations: 0, error: String(err.stderr).match(/^\w*Error: .*$/m)?.[0] }),
  );
  expect(loaded.error).toBeNull();
  expect(loaded.operations).toBeGreaterThan(0);
}, 60_000);
