import { ActionError } from "../actions/result";
import type { Db } from "../db/client";
import { type PaceKind, type Pacer, TWINGATE_LIMITS } from "../vendors/twingate/pacer";

/** Slack for time on the wire, as the sync's PgPacer uses. */
const MARGIN_MS = 250;
/** A person clicking a button waits this long for a slot at most, then is told to try again. */
const MAX_WAIT_MS = 8_000;

/** The key the sync's PgPacer paces this tenant's API token under (lib/sync/run-sync.ts). */
export function pacerKey(tenantId: string): string {
  return `twingate:${tenantId}`;
}

/** The PacerSlot key of one kind of call (PgPacer's `<key>:<kind>`): what the grants are counted under. */
export function pacerSlotKey(tenantId: string, kind: PaceKind): string {
  return `${pacerKey(tenantId)}:${kind}`;
}

/**
 * Paces console calls against the same Postgres-held budget as the sync
 * (`pacer_try_grant`, one row per grant), so that a sync and staff clicking
 * buttons together never exceed Twingate's 60 reads / 20 writes a minute. A
 * sync waits for a slot as long as it takes; a person gets a clear refusal
 * after a few seconds instead of a spinner for up to a minute.
 */
export class ConsolePacer implements Pacer {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
    private readonly maxWaitMs = MAX_WAIT_MS,
  ) {}

  async acquire(kind: PaceKind): Promise<void> {
    const { limit, windowMs } = TWINGATE_LIMITS[kind];
    const key = pacerSlotKey(this.tenantId, kind);
    const started = Date.now();
    for (;;) {
      const rows = await this.db.$queryRaw<
        { wait: number }[]
      >`SELECT pacer_try_grant(${key}, ${limit}::int, ${windowMs + MARGIN_MS}::float8) AS wait`;
      const wait = Number(rows[0]?.wait ?? 0);
      if (wait <= 0) return;
      if (Date.now() - started + wait > this.maxWaitMs) {
        const seconds = Math.max(1, Math.ceil(wait / 1000));
        throw new ActionError(
          `Twingate allows ${limit} ${kind}s a minute for this tenant's API token, ` +
            "and syncs and other staff have used them up. " +
            `Nothing was changed at Twingate; try again in about ${seconds} s.`,
        );
      }
      await new Promise((r) => setTimeout(r, Math.min(wait, 2_000)));
    }
  }
}
