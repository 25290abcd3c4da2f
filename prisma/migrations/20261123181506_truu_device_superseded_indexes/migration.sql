-- The first sync_cache indexes on (tenantId, lastHeardFrom) and (tenantId, type)
-- are superseded by the partial live-row indexes of 20261123125800_truu_console_views:
-- every query of the TruU pages, people, offboarding and bulk operations plans
-- the same with or without them (checked with EXPLAIN at 100,000 devices), while
-- each costs index maintenance on every device row a sync writes.

-- DropIndex
DROP INDEX "TruuDevice_tenantId_lastHeardFrom_idx";

-- DropIndex
DROP INDEX "TruuDevice_tenantId_type_idx";
