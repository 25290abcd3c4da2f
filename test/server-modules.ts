import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");

/** Every `"use server"` module under lib/, as a path from the repository root: found on disk, so none is missed. */
export function serverModules(dir = path.join(ROOT, "lib")): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : serverModules(full);
    if (!/\.tsx?$/.test(name) || /\.test\.tsx?$/.test(name)) return [];
    return /^\s*["']use server["']/.test(readFileSync(full, "utf8")) ? [path.relative(ROOT, full)] : [];
  });
}
