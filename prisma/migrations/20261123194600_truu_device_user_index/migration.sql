-- A user's devices, deleted ones included: the TruU user page lists those too
-- (marked), and the partial live-row index could not serve it, so the page
-- read every device of the tenant (115–400 ms at 100,000 devices). One full
-- index replaces the partial one: the live-row look-ups (device counts, a
-- user delete) use it as well, and a sync still maintains one index, not two.
DROP INDEX "TruuDevice_live_userGuid_idx";
CREATE INDEX "TruuDevice_user_idx" ON "TruuDevice" ("tenantId", "userGuid");
