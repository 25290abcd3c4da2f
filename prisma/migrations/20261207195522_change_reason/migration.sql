-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "requireChangeReason" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "changeReason" TEXT;

-- AlterTable
ALTER TABLE "BulkJob" ADD COLUMN     "changeReason" TEXT;

-- The search covers the reason staff gave too: a ticket number finds every event of its change.
DROP INDEX "AuditEvent_search_idx";
ALTER TABLE "AuditEvent" DROP COLUMN "search";
ALTER TABLE "AuditEvent" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  to_tsvector('simple'::regconfig,
    coalesce("action", '') || ' ' || replace(coalesce("action", ''), '.', ' ') || ' ' ||
    coalesce("actorName", '') || ' ' || coalesce("actorEmail", '') || ' ' || coalesce("ip", '') || ' ' ||
    coalesce("reason", '') || ' ' || coalesce("changeReason", '') || ' ' || coalesce("targets"::text, '') || ' ' ||
    left(coalesce("before"::text, ''), 4000) || ' ' || left(coalesce("after"::text, ''), 4000))
) STORED;
CREATE INDEX "AuditEvent_search_idx" ON "AuditEvent" USING gin ("search");
