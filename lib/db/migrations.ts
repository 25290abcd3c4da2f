import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { pgConfigFromUrl } from "./pg-config";
import { loadSchemaEngine } from "./schema-engine";

// Migrations live in the usual prisma/migrations/<name>/migration.sql layout
// and are recorded in the usual _prisma_migrations table, so that
// `prisma migrate deploy` stays interchangeable with this runner where
// Prisma's native engine can be downloaded. This machine cannot download it,
// and the WebAssembly engine splits scripts on every `;` (breaking PL/pgSQL
// bodies such as the audit trigger), so applying is a plain runner: each file
// whole, in its own transaction, under Prisma's advisory lock.

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
export const SCHEMA_FILE = path.resolve("prisma/schema.prisma");
const PRISMA_MIGRATE_LOCK = 72707369;

export function migrationDirectories(dir = MIGRATIONS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

/** Applies every migration not yet recorded in _prisma_migrations; returns their names. */
export async function applyMigrations(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const client = new pg.Client(pgConfigFromUrl(databaseUrl));
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ` +
        `WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    for (const name of migrationDirectories(dir)) {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      if (done.has(name)) {
        if (done.get(name) !== checksum) console.warn(`Migration ${name} was edited after it was applied.`);
        continue;
      }
      try {
        await client.query("BEGIN");
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
        applied.push(name);
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${(err as Error).message}`, { cause: err });
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
    await client.end();
  }
  return applied;
}

/**
 * SQL that turns the `from` datamodel into the `to` datamodel (empty string
 * when equal), from Prisma's own schema engine. The diff reads no database,
 * but the engine will not start without a connection, so one is passed in.
 */
export async function diffSchemas(databaseUrl: string, from: string | null, to: string): Promise<string> {
  const { SchemaEngine } = await loadSchemaEngine();
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pgConfigFromUrl(databaseUrl)));
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_FILE, to]] }, () => {}, factory);
  try {
    const target = (content: string) => ({
      tag: "schemaDatamodel" as const,
      files: [{ path: "schema.prisma", content }],
    });
    const out = await engine.diff({
      from: from === null ? { tag: "empty" } : target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return (out.stdout ?? "").replace(/^-- This is an empty migration\.\s*$/m, "").trim();
  } finally {
    engine.free();
  }
}
