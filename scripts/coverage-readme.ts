import { readFileSync, writeFileSync } from "node:fs";
import { withCoverage } from "../lib/operations/coverage";

// Writes the README's operation coverage table from the catalogue.
const path = new URL("../README.md", import.meta.url);
writeFileSync(path, withCoverage(readFileSync(path, "utf8")));
