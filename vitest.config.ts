import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig } from "vitest/config";

const shared = {
  resolve: {
    alias: [
      { find: "@", replacement: path.resolve(import.meta.dirname) },
      { find: "server-only", replacement: path.resolve(import.meta.dirname, "test/server-only-stub.ts") },
      // graphql has no "exports" map: Node (tsx, npm start) loads its CommonJS "main" for import and
      // require alike, while Vite would pick its "module" build for imports only, so that the
      // simulator's schema and graphql-jit (which requires it) would hold two copies of graphql.
      { find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") },
    ],
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: ["{lib,sim,scripts,components,app}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        ...shared,
        test: {
          name: "int",
          include: ["{lib,sim,scripts,test}/**/*.int.test.ts"],
          environment: "node",
          // One embedded Postgres for the run; each test file gets its own database (test/db.ts).
          globalSetup: ["test/global-setup-db.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
