import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FetchLike } from "../core/http";
import { startTruu, type TruuHarness } from "./test-harness";

let h: TruuHarness;
beforeAll(async () => {
  h = await startTruu("demo");
});
afterAll(async () => {
  await h.close();
});

/** Counts requests in flight at once. */
function gauge() {
  const g = {
    now: 0,
    max: 0,
    fetch: (async (input, init) => {
      g.now++;
      g.max = Math.max(g.max, g.now);
      try {
        return await fetch(input, init);
      } finally {
        g.now--;
      }
    }) as FetchLike,
  };
  return g;
}

describe("all-pages helpers", () => {
  it("fetches later pages in parallel under the cap and keeps page order", async () => {
    await h.faults({ latencyMs: 15 });
    const g = gauge();
    const client = h.client({ fetch: g.fetch });
    const devices = await client.allDevices({ concurrency: 3 });
    await h.faults({ latencyMs: 0 });
    expect(devices.map((d) => d.deviceId)).toEqual(h.sim.state.devices.map((d) => d.deviceId));
    expect(devices).toHaveLength(600);
    expect(g.max).toBe(3);
  });

  it("stops fetching when the caller stops reading", async () => {
    const client = h.client();
    await client.enrolledUsersPage();
    h.sent.length = 0;
    const seen: number[] = [];
    for await (const page of client.devicePages({ concurrency: 2 })) {
      seen.push(page.page);
      if (page.page === 2) break;
    }
    expect(seen).toEqual([1, 2]);
    // Page 1, then pages 2 and 3 fetched ahead; nothing after the break.
    expect(h.sent.length).toBeLessThanOrEqual(4);
  });

  it("reads ahead of a busy caller up to the window, and no further", async () => {
    const client = h.client();
    await client.enrolledUsersPage();
    h.sent.length = 0;
    const pages = client.devicePages({ concurrency: 2, ahead: 3 });
    expect((await pages.next()).value?.page).toBe(1);
    expect((await pages.next()).value?.page).toBe(2);
    // The caller holds page 2: pages 3 to 7 (two in flight plus three ahead) are fetched meanwhile.
    await new Promise((r) => setTimeout(r, 200));
    expect(h.sent).toHaveLength(7);
    await pages.return(undefined);
  });

  it("iterates items across pages", async () => {
    const client = h.client();
    let n = 0;
    for await (const user of client.enrolledUsers({}, { concurrency: 2 })) {
      expect(user.tuid).toBeTruthy();
      n++;
    }
    expect(n).toBe(300);
  });
});
