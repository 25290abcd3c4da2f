-- One round trip per paced vendor call: under a per-key advisory lock, grant
-- a slot when fewer than `max_calls` were granted in the last `window_ms`,
-- else answer how many milliseconds until the oldest of them leaves the window.
CREATE FUNCTION pacer_try_grant(pacer_key TEXT, max_calls INT, window_ms DOUBLE PRECISION) RETURNS DOUBLE PRECISION
LANGUAGE plpgsql AS $$
DECLARE
  wait_ms DOUBLE PRECISION;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(pacer_key));
  SELECT GREATEST(0, EXTRACT(EPOCH FROM (at + make_interval(secs => window_ms / 1000) - clock_timestamp())) * 1000)
    INTO wait_ms
    FROM "PacerSlot" WHERE key = pacer_key ORDER BY at DESC OFFSET max_calls - 1 LIMIT 1;
  IF wait_ms IS NULL OR wait_ms <= 0 THEN
    INSERT INTO "PacerSlot" (key, at) VALUES (pacer_key, clock_timestamp());
    RETURN 0;
  END IF;
  RETURN wait_ms;
END;
$$;
