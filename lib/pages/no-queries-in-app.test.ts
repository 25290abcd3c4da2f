import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Pages and route handlers pass the client to query functions in lib/ (which
// their tests run against a real database); they do not write Prisma calls themselves.
const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "app");
/** The health probe's query is the probe itself. */
const ALLOWED = new Set(["app/api/health/route.ts"]);

/** Direct calls on the client: `db().bulkRow.findMany(…)`, `db().$queryRaw…` (not `listUsers(db(), …)`). */
const directCalls = (source: string) => [...source.matchAll(/\bdb\(\)\.([a-zA-Z$][\w$]*)/g)].map((m) => m[0]);

const sources = (readdirSync(APP, { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/.test(f) && !f.includes(".test."))
  .map((f) => path.relative(ROOT, path.join(APP, f)).split(path.sep).join("/"));

describe("app/ holds no direct Prisma calls", () => {
  it("finds a direct call and lets a client passed along through", () => {
    expect(directCalls("const n = await db().trugridUser.count({ where });\nawait db().$queryRaw`SELECT 1`;")).toEqual([
      "db().trugridUser",
      "db().$queryRaw",
    ]);
    expect(directCalls("await listUsers(db(), tenant.id, state);")).toEqual([]);
  });

  it("every page and route handler reads through lib/", () => {
    expect(sources.length).toBeGreaterThan(50);
    const offending = sources
      .filter((f) => !ALLOWED.has(f))
      .flatMap((f) => directCalls(readFileSync(path.join(ROOT, f), "utf8")).map((call) => `${f}: ${call}`));
    expect(offending).toEqual([]);
  });
});
