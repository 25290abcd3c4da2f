// Not marked server-only: the job worker (a plain Node process) builds its clients here too.
import type pg from "pg";
import { ActionError } from "../actions/result";
import type { Db } from "../db/client";
import { PgPacer } from "../sync/pg-pacer";
import { ConsolePacer, pacerKey } from "../twingate/pacer";
import { type ClientTuning, clientsFor } from "./clients";
import { VENDOR_LABEL, type VendorId } from "./connection-fields";
import type { RetryPolicy } from "./core/http";
import type { JumpCloudClient } from "./jumpcloud/client";
import { loadConnection, type OpenConnection } from "./load-connection";
import type { TruGridClient } from "./trugrid/client";
import type { TruuClient } from "./truu/client";
import { TwingateClient } from "./twingate/client";
import { TWINGATE_LIMITS } from "./twingate/pacer";

/**
 * Who is waiting for the call. A person clicking (a page, an undo) is told
 * quickly when a vendor is busy; a worker (a bulk job, a runbook) waits a
 * vendor's limit out, as the sync does.
 */
export type Surface = "interactive" | "worker";

export type VendorClient<V extends VendorId> = {
  trugrid: TruGridClient;
  truu: TruuClient;
  twingate: TwingateClient;
  jumpcloud: JumpCloudClient;
}[V];

/**
 * A busy vendor (429 with Retry-After, 5xx on reads) is waited for a little, never long: someone is watching.
 * Writes are never resent blindly whatever the policy: each client decides per call which may be retried.
 */
const PERSON_WAITING: RetryPolicy = { retries: 2, minDelayMs: 300, maxDelayMs: 3_000, maxRetryAfterMs: 10_000 };

export const JUMPCLOUD_TUNING: Record<Surface, ClientTuning> = {
  interactive: { timeoutMs: 20_000, retry: PERSON_WAITING },
  worker: { timeoutMs: 30_000, retry: { retries: 4, minDelayMs: 500, maxDelayMs: 5_000, maxRetryAfterMs: 60_000 } },
};

/** TruGrid and TruU keep their clients' timeouts; a worker keeps their default patience, as the sync does. */
const retryFor = (surface: Surface): ClientTuning => (surface === "interactive" ? { retry: PERSON_WAITING } : {});

/** One quick retry; a Retry-After longer than a few seconds is reported, not waited out behind a spinner. */
const TWINGATE_INTERACTIVE_RETRY: RetryPolicy = {
  retries: 1,
  minDelayMs: 250,
  maxDelayMs: 2_000,
  maxRetryAfterMs: 5_000,
};

/**
 * PgPacer speaks to a pg pool, but only through `query(sql, params)`: a
 * worker's Prisma client answers the same call, so bulk jobs share the
 * sync's and the console's budget without a second connection pool.
 */
function prismaAsPool(db: Db): pg.Pool {
  return {
    query: async (sql: string, params: unknown[] = []) => ({ rows: await db.$queryRawUnsafe(sql, ...params) }),
  } as unknown as pg.Pool;
}

/**
 * Twingate's 60 reads and 20 writes a minute are per API token, shared by
 * the sync, staff and workers through one Postgres-held budget: a person is
 * refused after a few seconds, a worker waits for its slot.
 */
function twingateClient(db: Db, c: OpenConnection, surface: Surface): TwingateClient {
  const apiKey = c.secrets.apiKey;
  if (!apiKey) throw new ActionError("The Twingate connection has no API token.");
  return new TwingateClient({
    baseUrl: c.baseUrl,
    credentials: { apiKey },
    timeoutMs: 20_000,
    ...(surface === "interactive"
      ? { retry: TWINGATE_INTERACTIVE_RETRY, pacer: new ConsolePacer(db, c.tenantId) }
      : { pacer: new PgPacer(prismaAsPool(db), pacerKey(c.tenantId), TWINGATE_LIMITS) }),
  });
}

/** The client for an opened connection, tuned for who is waiting. */
export function clientOf<V extends VendorId>(db: Db, connection: OpenConnection, surface: Surface): VendorClient<V> {
  const build: { [K in VendorId]: () => VendorClient<K> } = {
    trugrid: () => {
      if (!connection.settings.domainName) throw new ActionError("The TruGrid connection has no domain name.");
      return clientsFor.trugrid(connection, retryFor(surface));
    },
    truu: () => clientsFor.truu(connection, retryFor(surface)),
    twingate: () => twingateClient(db, connection, surface),
    jumpcloud: () => clientsFor.jumpcloud(connection, JUMPCLOUD_TUNING[surface]),
  };
  return build[connection.vendor]() as VendorClient<V>;
}

/** The tenant's connection to a vendor and its client, or a refusal that says what is missing and who can add it. */
export async function clientFor<V extends VendorId>(
  db: Db,
  tenantId: string,
  vendor: V,
  surface: Surface,
): Promise<{ client: VendorClient<V>; connection: OpenConnection }> {
  const connection = await loadConnection(db, tenantId, vendor);
  if (!connection) {
    throw new ActionError(
      `This tenant has no ${VENDOR_LABEL[vendor]} connection. An admin can add one under Settings → Tenants.`,
    );
  }
  return { client: clientOf<V>(db, connection, surface), connection };
}
