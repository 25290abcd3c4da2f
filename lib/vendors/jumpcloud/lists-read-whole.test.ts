import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appleMdm } from "../../../sim/jumpcloud/state";
import { startSim } from "./test-support";

let env: Awaited<ReturnType<typeof startSim>>;
beforeAll(async () => {
  env = await startSim();
  await env.simCall("PUT", "/__sim/bulk-delay", { ms: 0 });
});
afterAll(() => env.close());

describe("JumpCloud lists are read whole", () => {
  it("reads every page of a bulk job's results, not the first ten", async () => {
    const { client, sent } = env.recordingClient();
    const users = Array.from({ length: 25 }, (_, i) => ({
      email: `walked.${i}@northwind.example`,
      username: `walked.${i}`,
    }));
    const jobId = await client.bulkCreateUsers(users);
    const results = await client.waitForBulkUserResults(jobId, {
      intervalMs: 20,
      timeoutMs: 3_000,
      expected: users.length,
    });
    expect(results).toHaveLength(25);
    expect(results.every((r) => r.status === "finished")).toBe(true);
    expect(sent.filter((p) => p.startsWith(`/api/v2/bulk/users/${jobId}/results`)).at(-1)).toBe(
      `/api/v2/bulk/users/${jobId}/results?skip=0&limit=100`,
    );
    // Pages smaller than the job are walked too.
    sent.length = 0;
    expect(await client.bulkUserResults(jobId, { pageSize: 10, concurrency: 1 })).toEqual(results);
    expect(sent).toEqual([0, 10, 20].map((skip) => `/api/v2/bulk/users/${jobId}/results?skip=${skip}&limit=10`));
  });

  it("reads every scheduled state change, past the default page of ten", async () => {
    const ids = [...env.org!.users.values()]
      .filter((u) => u.state === "ACTIVATED")
      .slice(0, 12)
      .map((u) => u._id);
    const scheduled = await env
      .client()
      .scheduleUserStates({ user_ids: ids, state: "SUSPENDED", start_date: "2099-01-01T00:00:00.000Z" });
    const listed = await env.client().listScheduledUserStates();
    expect(listed.map((s) => s.scheduledJobId).sort()).toEqual(scheduled.map((s) => s.scheduledJobId).sort());
  });

  it("reads every Apple MDM server, past the default page of one", async () => {
    const second = appleMdm("fedcba9876543210fedcba98", "Apple MDM (kiosks)");
    env.org!.mdms.set(second.id, second);
    const { client, sent } = env.recordingClient();
    expect((await client.listAppleMdms()).map((m) => m.id)).toEqual([...env.org!.mdms.keys()]);
    expect(sent).toEqual(["/api/v2/applemdms?skip=0&limit=100"]);
  });
});
