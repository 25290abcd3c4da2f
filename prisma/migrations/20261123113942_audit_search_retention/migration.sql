-- CreateTable
CREATE TABLE "AuditRetention" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "days" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "AuditRetention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "prunedCount" INTEGER NOT NULL,
    "firstAt" TIMESTAMPTZ(3) NOT NULL,
    "lastAt" TIMESTAMPTZ(3) NOT NULL,
    "archivePath" TEXT NOT NULL,
    "archiveSha256" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditCheckpoint_seq_idx" ON "AuditCheckpoint"("seq");

-- CreateIndex
CREATE INDEX "AuditEvent_jobId_seq_idx" ON "AuditEvent"("jobId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_vendor_seq_idx" ON "AuditEvent"("vendor", "seq");

-- Full-text search over what people look for in the log: who, what, why, on
-- which targets, and the values before and after (capped, so one huge
-- payload cannot bloat the index). Not part of the hashed fields.
ALTER TABLE "AuditEvent" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  to_tsvector('simple'::regconfig,
    coalesce("action", '') || ' ' || replace(coalesce("action", ''), '.', ' ') || ' ' ||
    coalesce("actorName", '') || ' ' || coalesce("actorEmail", '') || ' ' || coalesce("ip", '') || ' ' ||
    coalesce("reason", '') || ' ' || coalesce("targets"::text, '') || ' ' ||
    left(coalesce("before"::text, ''), 4000) || ' ' || left(coalesce("after"::text, ''), 4000))
) STORED;
CREATE INDEX "AuditEvent_search_idx" ON "AuditEvent" USING gin ("search");
CREATE INDEX "AuditEvent_targets_idx" ON "AuditEvent" USING gin ("targets" jsonb_path_ops);

-- Retention: a DELETE passes only for events at or below the seq that the
-- pruning transaction names in `audit.prune_through` (SET LOCAL), i.e. only
-- the oldest stretch, after it was archived; UPDATE and TRUNCATE stay refused.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  through bigint := NULLIF(current_setting('audit.prune_through', true), '')::bigint;
BEGIN
  IF TG_OP = 'DELETE' AND through IS NOT NULL AND OLD.seq <= through THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit events are append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
