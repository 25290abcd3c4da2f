import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// What a production build depends on. When their contents hash the same as
// at the last build, `npm start` skips `next build`.
const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.js",
  "postcss.config.js",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];

function* files(p: string): Generator<string> {
  if (!existsSync(p)) return;
  if (statSync(p).isFile()) {
    yield p;
    return;
  }
  for (const entry of readdirSync(p).sort()) {
    if (entry.endsWith(".test.ts") || entry === "node_modules") continue;
    yield* files(path.join(p, entry));
  }
}

export function sourceFingerprint(root = process.cwd()): string {
  const h = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of files(path.join(root, input))) {
      h.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return h.digest("hex");
}

export const FINGERPRINT_FILE = path.join(".next", "console-build-fingerprint");

export function buildIsCurrent(): boolean {
  if (!existsSync(path.join(".next", "BUILD_ID")) || !existsSync(FINGERPRINT_FILE)) return false;
  return readFileSync(FINGERPRINT_FILE, "utf8").trim() === sourceFingerprint();
}
