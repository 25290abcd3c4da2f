import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "../lib/db/client";

export interface TestDatabase {
  url: string;
  db: Db;
  drop: () => Promise<void>;
}

async function adminQuery(templateUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: templateUrl.replace(/\/console_template$/, "/postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database with every migration applied, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject("pgTemplateUrl");
  const name = `t_${randomBytes(6).toString("hex")}`;
  await adminQuery(template, `CREATE DATABASE ${name} TEMPLATE console_template`);
  const url = template.replace(/\/console_template$/, `/${name}`);
  const db = createPrismaClient(url, 4);
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await adminQuery(template, `DROP DATABASE ${name} WITH (FORCE)`);
    },
  };
}

/** An empty database: no migrations applied. */
export async function createEmptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = inject("pgTemplateUrl");
  const name = `e_${randomBytes(6).toString("hex")}`;
  await adminQuery(template, `CREATE DATABASE ${name}`);
  return {
    url: template.replace(/\/console_template$/, `/${name}`),
    drop: () => adminQuery(template, `DROP DATABASE ${name} WITH (FORCE)`),
  };
}
