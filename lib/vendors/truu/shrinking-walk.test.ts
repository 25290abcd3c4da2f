import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FetchLike } from "../core/http";
import { VendorError } from "../core/vendor-error";
import type { WalkReport } from "../core/walk-report";
import { startTruu, type TruuHarness } from "./test-harness";

// Each test deletes records, so each gets a tenant of its own.
let h: TruuHarness;
beforeEach(async () => {
  h = await startTruu("demo");
});
afterEach(async () => {
  await h.close();
});

/** The pages the client asked for on one path (1 when none is named, as TruU defaults), with their answers. */
const asked = (path: string) =>
  h.sent.filter((r) => r.path === path).map((r) => `${new URLSearchParams(r.query).get("page") ?? 1}:${r.status}`);

describe("a walk over a list that shrinks under it", () => {
  it("ends at the new last page when deletions are seen on the pages that follow", async () => {
    const client = h.client();
    const walked: string[] = [];
    const report: WalkReport = { listChanged: null };
    // One request at a time: while the caller holds page 1 only page 2 has been asked for.
    for await (const page of client.devicePages({ concurrency: 1, report })) {
      walked.push(...page.results.map((d) => d.deviceId));
      if (page.page !== 1) continue;
      expect(page.final).toBe(24);
      // 600 devices on 24 pages of 25; deleting the last 30 leaves 23 pages.
      for (const d of h.sim.state.devices.slice(-30)) await client.deleteUserDevice(d.user.guid, d.deviceId);
    }
    expect(h.sim.state.devices).toHaveLength(570);
    expect(walked).toEqual(h.sim.state.devices.map((d) => d.deviceId));
    // Page 2 may have been answered before the deletions or after them.
    expect(report.listChanged).toMatch(/^page [23] counted 570 records where page 1 counted 600$/);
  });

  it("takes a refused page for the end once page 1 says the list is now shorter", async () => {
    const client = h.client();
    const walked: string[] = [];
    const report: WalkReport = { listChanged: null };
    for await (const page of client.dataUserPages({}, { concurrency: 1, report })) {
      walked.push(...page.results.map((u) => u.guid));
      // 300 users on 12 pages of 25. Holding page 10, page 11 has been read
      // already (still saying 12 pages); the deletions leave 11.
      if (page.page === 10) for (const u of h.sim.state.users.slice(-25)) await client.deleteDomainUser(u.guid);
    }
    expect(walked).toEqual(h.sim.state.users.map((u) => u.guid));
    // Page 12 was refused as TruU refuses a page that does not exist, then page 1 was read again.
    expect(asked("/data/api/v1/users/").slice(-2)).toEqual(["12:404", "1:200"]);
    // Page 11 still counted 300: only the refusal tells that the list changed.
    expect(report.listChanged).toBe(
      "page 12 was refused: the list now ends at page 11, with 275 records where page 1 counted 300",
    );
  });

  it("reports a list that changed before the walk's position, which shifts records past it unseen", async () => {
    const client = h.client();
    const walked: string[] = [];
    const report: WalkReport = { listChanged: null };
    const all = h.sim.state.devices.map((d) => d.deviceId);
    for await (const page of client.devicePages({ concurrency: 1, report })) {
      walked.push(...page.results.map((d) => d.deviceId));
      // Holding page 10 (page 11 read already): two devices of page 1 go, so
      // the first two of page 12 move onto page 11 and are never read.
      if (page.page === 10)
        for (const d of h.sim.state.devices.slice(0, 2)) await client.deleteUserDevice(d.user.guid, d.deviceId);
    }
    expect(all.filter((id) => !walked.includes(id))).toEqual(all.slice(275, 277));
    expect(report.listChanged).toBe("page 12 counted 598 records where page 1 counted 600");
  });

  it("leaves the report empty for a list that holds still", async () => {
    const report: WalkReport = { listChanged: null };
    const devices = await h.client().allDevices({ concurrency: 3, report });
    expect(devices).toHaveLength(600);
    expect(report.listChanged).toBeNull();
  });

  it("still fails when a refused page is not past the end", async () => {
    // The list is unchanged; page 3 alone is refused.
    const refuseThird: FetchLike = async (input, init) =>
      new URL(String(input)).searchParams.get("page") === "3"
        ? new Response(JSON.stringify({ detail: "Not found." }), {
            status: 404,
            headers: { "content-type": "application/json" },
          })
        : fetch(input, init);
    const client = h.client({ fetch: h.recording(refuseThird) });
    const err = await client.allDevices({ concurrency: 1 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(VendorError);
    expect((err as VendorError).info).toMatchObject({ status: 404, vendorMessage: "Not found." });
    expect(asked("/api/v1/system/devices/")).toEqual(["1:200", "2:200", "3:404", "1:200"]);
  });
});
