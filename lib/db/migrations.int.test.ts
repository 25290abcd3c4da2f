import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createEmptyDatabase } from "../../test/db";
import { applyMigrations, diffSchemas, MIGRATIONS_DIR, migrationDirectories, SCHEMA_FILE } from "./migrations";

describe("migrations", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it("apply every migration to a fresh database, once", async () => {
    const { url, drop } = await createEmptyDatabase();
    cleanups.push(drop);
    const all = migrationDirectories();
    expect(all.length).toBeGreaterThan(0);
    expect(await applyMigrations(url)).toEqual(all);
    expect(await applyMigrations(url)).toEqual([]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    expect(rows.every((r) => r.finished_at)).toBe(true);
  });

  it("the schema beside the newest migration is schema.prisma: no schema change lacks a migration", async () => {
    const newest = migrationDirectories().at(-1)!;
    const snapshot = readFileSync(path.join(MIGRATIONS_DIR, newest, "schema.prisma"), "utf8");
    const { url, drop } = await createEmptyDatabase();
    cleanups.push(drop);
    expect(await diffSchemas(url, snapshot, readFileSync(SCHEMA_FILE, "utf8"))).toBe("");
  });

  it("a failing migration is rolled back and not recorded", async () => {
    const { url, drop } = await createEmptyDatabase();
    cleanups.push(drop);
    const dir = mkdtempSync(path.join(tmpdir(), "bad-migrations-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const { mkdirSync, writeFileSync } = await import("node:fs");
    mkdirSync(path.join(dir, "001_ok"));
    writeFileSync(path.join(dir, "001_ok", "migration.sql"), "CREATE TABLE a (id int);");
    mkdirSync(path.join(dir, "002_bad"));
    writeFileSync(path.join(dir, "002_bad", "migration.sql"), "CREATE TABLE b (id int); SELECT no_such_function();");
    await expect(applyMigrations(url, dir)).rejects.toThrow(/002_bad/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const tables = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    const names = await client.query(`SELECT migration_name FROM "_prisma_migrations"`);
    await client.end();
    expect(tables.rows.map((r) => r.table_name)).toEqual(["_prisma_migrations", "a"]);
    expect(names.rows.map((r) => r.migration_name)).toEqual(["001_ok"]);
  });
});
