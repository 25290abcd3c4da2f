// Usage: npm run migration:create -- <name>
// Diffs the schema saved beside the newest migration against prisma/schema.prisma
// and writes the SQL as a new migration (plus a copy of the schema, the
// "previous schema" of the next one). Hand-written SQL such as triggers may
// be appended to the generated file before it is committed.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { diffSchemas, MIGRATIONS_DIR, migrationDirectories, SCHEMA_FILE } from "../lib/db/migrations";

const name = process.argv[2]?.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run migration:create -- <name>");
  process.exit(2);
}

const previous = migrationDirectories().at(-1);
const previousSchema = previous ? path.join(MIGRATIONS_DIR, previous, "schema.prisma") : null;
if (previousSchema && !existsSync(previousSchema)) {
  console.error(`${previousSchema} is missing: cannot tell what changed since ${previous}.`);
  process.exit(1);
}
const current = readFileSync(SCHEMA_FILE, "utf8");
const scratch = mkdtempSync(path.join(tmpdir(), "console-migration-"));
const db = await startEmbeddedPostgres({ dataDir: scratch });
let sql: string;
try {
  sql = await diffSchemas(db.url, previousSchema ? readFileSync(previousSchema, "utf8") : null, current);
} finally {
  await db.stop();
  rmSync(scratch, { recursive: true, force: true });
}
if (!sql) {
  console.log("The schema has not changed since the newest migration.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
writeFileSync(path.join(dir, "schema.prisma"), current);
const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
