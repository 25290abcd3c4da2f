-- CreateTable
CREATE TABLE "TableView" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "table" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TableView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TableView_tenantId_table_idx" ON "TableView"("tenantId", "table");

-- Hand-written: indexes for the TruU console's tables at 100k rows. Partial on
-- live rows (every console query reads only those); each sort column ends in
-- "id", the tie-breaker of ORDER BY, so a page is an index range read.
-- Last heard is indexed as coalesce(lastHeardFrom, -infinity): "never" is the
-- oldest time, one order serves both directions, and "not heard from in N
-- days" is a range, index-only because the column itself is INCLUDEd (Postgres
-- answers from an expression index alone only then). Type and assurance are
-- mostly filtered on: their indexes continue with last heard (the default order).
CREATE INDEX "TruuDevice_live_lastHeard_idx" ON "TruuDevice" ("tenantId", (coalesce("lastHeardFrom", '-infinity'::timestamp)) DESC, "id" DESC) INCLUDE ("lastHeardFrom") WHERE "deletedAt" IS NULL;
CREATE INDEX "TruuDevice_live_deviceName_idx" ON "TruuDevice" ("tenantId", "deviceName", "id") WHERE "deletedAt" IS NULL;
CREATE INDEX "TruuDevice_live_userUpn_idx" ON "TruuDevice" ("tenantId", "userUpn", "id") WHERE "deletedAt" IS NULL;
CREATE INDEX "TruuDevice_live_createdAtVendor_idx" ON "TruuDevice" ("tenantId", "createdAtVendor", "id") WHERE "deletedAt" IS NULL;
CREATE INDEX "TruuDevice_live_type_idx" ON "TruuDevice" ("tenantId", "type", (coalesce("lastHeardFrom", '-infinity'::timestamp)) DESC, "id" DESC) INCLUDE ("lastHeardFrom") WHERE "deletedAt" IS NULL;
CREATE INDEX "TruuDevice_live_assurance_idx" ON "TruuDevice" ("tenantId", "assuranceLevel", (coalesce("lastHeardFrom", '-infinity'::timestamp)) DESC, "id" DESC) INCLUDE ("lastHeardFrom") WHERE "deletedAt" IS NULL;
-- Type and assurance together (a common pair of filters): their count is an index-only range.
CREATE INDEX "TruuDevice_live_type_assurance_idx" ON "TruuDevice" ("tenantId", "type", "assuranceLevel") WHERE "deletedAt" IS NULL;
-- Inactive devices are few: a small index finds them without reading the rest.
CREATE INDEX "TruuDevice_live_inactive_idx" ON "TruuDevice" ("tenantId", (coalesce("lastHeardFrom", '-infinity'::timestamp)) DESC, "id" DESC) WHERE "deletedAt" IS NULL AND "active" IS NOT TRUE;
-- A user's devices (user page, user delete, device counts).
CREATE INDEX "TruuDevice_live_userGuid_idx" ON "TruuDevice" ("tenantId", "userGuid") WHERE "deletedAt" IS NULL;

-- Substring search over device name, user UPN and user name. pg_trgm is a
-- trusted extension (PostgreSQL 13+): a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "TruuDevice_search_trgm_idx" ON "TruuDevice" USING gin (
  (lower(coalesce("deviceName", '') || ' ' || coalesce("userUpn", '') || ' ' || coalesce("userDisplayName", ''))) gin_trgm_ops
) WHERE "deletedAt" IS NULL;
CREATE INDEX "TruuUser_search_trgm_idx" ON "TruuUser" USING gin (
  (lower(coalesce("upn", '') || ' ' || coalesce("email", '') || ' ' || coalesce("displayName", ''))) gin_trgm_ops
) WHERE "deletedAt" IS NULL;
CREATE INDEX "TruuUser_live_upn_idx" ON "TruuUser" ("tenantId", "upn", "id") WHERE "deletedAt" IS NULL;

-- Assets by exact IP or MAC address.
CREATE INDEX "TruuAsset_ips_idx" ON "TruuAsset" USING gin ("ips") WHERE "deletedAt" IS NULL;
CREATE INDEX "TruuAsset_macs_idx" ON "TruuAsset" USING gin ("macs") WHERE "deletedAt" IS NULL;
