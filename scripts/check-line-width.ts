// npm run lint: fails (exit 1, listing file:line) when a line of a file biome.json's files.includes covers is
// longer than its formatter.lineWidth. Biome's formatter does not break string literals or comments, and
// `biome ci` passes a line it cannot shorten, so the width is checked here. Usage: check-line-width.ts [root]
import { readFileSync } from "node:fs";
import path from "node:path";
import { globSync } from "tinyglobby";

const root = path.resolve(process.argv[2] ?? ".");
const biome = JSON.parse(readFileSync(path.join(root, "biome.json"), "utf8")) as {
  files?: { includes?: string[] };
  formatter?: { lineWidth?: number };
};
const width = biome.formatter?.lineWidth ?? 80; // Biome's default
// Biome: "!" leaves files out, "!!" also keeps them out of its index; both leave them out here.
const patterns = (biome.files?.includes ?? ["**"]).map((p) => p.replace(/^!!/, "!"));
const files = globSync(patterns, { cwd: root, ignore: ["**/node_modules/**"] }).sort();

const over: string[] = [];
for (const file of files) {
  readFileSync(path.join(root, file), "utf8")
    .split(/\r?\n/)
    .forEach((line, i) => {
      const length = [...line].length; // characters (code points), not UTF-16 units
      if (length > width) over.push(`${file}:${i + 1} ${length} characters`);
    });
}
if (over.length > 0) {
  console.error(`Lines longer than biome.json's formatter.lineWidth (${width}):\n${over.join("\n")}`);
  process.exit(1);
}
console.log(`${files.length} files, no line longer than ${width}`);
