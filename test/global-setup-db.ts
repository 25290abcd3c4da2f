import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplateUrl: string;
  }
}

/**
 * One throwaway embedded Postgres for the integration run, with every
 * migration applied to a template database; test/db.ts clones it per file.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "console-int-"));
  const db = await startEmbeddedPostgres({ dataDir: dir });
  const templateUrl = db.url.replace(/\/console$/, "/console_template");
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query("CREATE DATABASE console_template");
  await admin.end();
  await applyMigrations(templateUrl);
  project.provide("pgTemplateUrl", templateUrl);
  return async () => {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
