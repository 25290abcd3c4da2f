import { defineConfig } from "prisma/config";

// Used by `prisma generate` and, on machines that can reach Prisma's engine
// downloads, by `prisma migrate deploy`; the console itself applies
// migrations with scripts/migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
