import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTruuSim, type TruuSim } from "../../sim/truu";
import type { Db } from "../db/client";
import { clientOf, type Surface } from "./client-for";

// A person waiting for a page is answered after a short wait; a worker waits a busy vendor out as the sync does.
// Measured in attempts at the TruU simulator, which answers 429 (Retry-After: 0) until its burst is spent.

let sim: TruuSim;
let url: string;
beforeAll(async () => {
  sim = createTruuSim({ size: "small" });
  ({ url } = await sim.server.listen(0));
});
afterAll(() => sim.server.close());

async function attemptsBeforeGivingUp(surface: Surface): Promise<number> {
  const burst = 20;
  Object.assign(sim.server.faults, { burst429: burst, retryAfterSeconds: 0 });
  const connection = {
    tenantId: "t",
    vendor: "truu" as const,
    baseUrl: url,
    settings: {},
    secrets: { ...sim.credentials },
  };
  // Not used for TruU: only Twingate's clients keep their budget in Postgres.
  const client = clientOf<"truu">({} as Db, connection, surface);
  await expect(client.enrolledUsersPage()).rejects.toMatchObject({ status: 429 });
  const attempts = burst - sim.server.faults.burst429;
  sim.server.faults.burst429 = 0;
  return attempts;
}

describe("a client's patience with a busy vendor", () => {
  it("is two resends for a person waiting, and the client's default three for a worker", async () => {
    expect(await attemptsBeforeGivingUp("interactive")).toBe(3);
    expect(await attemptsBeforeGivingUp("worker")).toBe(4);
  });
});
