import { expect } from "vitest";
import type { Role } from "../lib/auth/permissions";
import { loadStaff, type Staff } from "../lib/auth/staff";
import { jumpcloudSync } from "../lib/sync/jumpcloud/sync";
import { trugridSync } from "../lib/sync/trugrid/sync";
import { truuSync } from "../lib/sync/truu/sync";
import { twingateSyncWith } from "../lib/sync/twingate/sync";
import { createJumpCloudSim, JUMPCLOUD_SIM_ORG_IDS } from "../sim/jumpcloud";
import { createTruGridSim, type TruGridSim } from "../sim/trugrid";
import { createTruuSim, type TruuSim } from "../sim/truu";
import { createTwingateSim, type TwingateSim } from "../sim/twingate";
import type { TestDatabase } from "./db";
import { makeStaff } from "./factories";
import { actAs } from "./session-as";
import { type SyncHarness, syncHarness } from "./sync-harness";

/** A simulator, a tenant connected to it with its cache filled by one real sync, and a staff member of that tenant. */
export interface BulkHarness<S> {
  sim: S;
  url: string;
  h: SyncHarness;
  staffId: string;
  close: () => Promise<void>;
}

type Sim = { server: { listen(port: number): Promise<{ url: string }>; close(): Promise<void> } };

async function synced<S extends Sim>(
  sim: S,
  connect: (url: string) => Promise<SyncHarness>,
  role: Role,
): Promise<BulkHarness<S>> {
  const { url } = await sim.server.listen(0);
  const h = await connect(url);
  expect((await h.run()).status).toBe("succeeded");
  const staffId = (await makeStaff(h.t.db, { role, tenantIds: [h.tenantId] })).id;
  return {
    sim,
    url,
    h,
    staffId,
    close: async () => {
      await h.close();
      await sim.server.close();
    },
  };
}

/** The small TruGrid simulator, synced. */
export function trugridBulkHarness(role: Role): Promise<BulkHarness<TruGridSim>> {
  const sim = createTruGridSim({ size: "small" });
  return synced(
    sim,
    (url) =>
      syncHarness("trugrid", trugridSync, {
        baseUrl: url,
        secrets: { apiKey: sim.credentials.apiKey },
        settings: { domainName: sim.credentials.domainName },
      }),
    role,
  );
}

/** The small JumpCloud simulator, synced as its first organisation through the MSP key (the demo's way in). */
export function jumpcloudBulkHarness(role: Role): Promise<BulkHarness<ReturnType<typeof createJumpCloudSim>>> {
  const sim = createJumpCloudSim({ size: "small" });
  return synced(
    sim,
    (url) =>
      syncHarness("jumpcloud", jumpcloudSync, {
        baseUrl: url,
        secrets: { apiKey: sim.credentials.mspApiKey },
        settings: { orgId: JUMPCLOUD_SIM_ORG_IDS[0] },
      }),
    role,
  );
}

/** The small TruU simulator, synced. */
export function truuBulkHarness(role: Role): Promise<BulkHarness<TruuSim>> {
  const sim = createTruuSim({ size: "small" });
  return synced(sim, (url) => syncHarness("truu", truuSync, { baseUrl: url, secrets: { ...sim.credentials } }), role);
}

/**
 * The small Twingate simulator, synced (into another harness's database when given), with its rate limits out of
 * the way (the pacer's own tests hold them) and a quick retry for the sync.
 */
export function twingateBulkHarness(role: Role, into?: TestDatabase): Promise<BulkHarness<TwingateSim>> {
  const apiKey = "tg-bulk-test-9c2d";
  const sim = createTwingateSim({
    size: "small",
    credentials: { apiKey },
    rateLimits: { readsPerWindow: 100_000, writesPerWindow: 100_000 },
  });
  const sync = twingateSyncWith(undefined, {
    retry: { retries: 1, minDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 1_000 },
    timeoutMs: 5_000,
  });
  return synced(
    sim,
    (url) =>
      syncHarness("twingate", sync, { baseUrl: url, secrets: { apiKey }, settings: { network: "northwind" } }, into),
    role,
  );
}

/**
 * Server actions called in a test act as the harness's staff member, on its
 * database (the actions' db() reads DATABASE_URL).
 */
export async function actInHarness(harness: BulkHarness<unknown>): Promise<Staff> {
  process.env.DATABASE_URL = harness.h.t.url;
  const staff = await loadStaff(harness.h.t.db, harness.staffId);
  if (!staff) throw new Error("no staff");
  actAs(staff);
  return staff;
}
