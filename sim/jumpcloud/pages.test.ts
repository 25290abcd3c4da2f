import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJumpCloudSim } from "./test-sim";

// Plain pages (no filter, stored order) are taken without going through the
// filter and sort path; they must answer exactly what that path answers.
let s: Awaited<ReturnType<typeof startJumpCloudSim>>;
beforeAll(async () => {
  s = await startJumpCloudSim();
});
afterAll(() => s.close());

const get = async (path: string) => {
  const res = await s.call("GET", path);
  expect(res.status).toBe(200);
  return { body: res.body, total: res.headers.get("x-total-count") };
};
/** A filter every object passes, which sends the request down the filtering path. */
const everything = (field: string) => `filter=${encodeURIComponent(`${field}:$ne:__nothing__`)}`;

describe("JumpCloud simulator pages", () => {
  it("pages systems and users alike with or without a filter that keeps everything", async () => {
    for (const [path, field] of [
      ["/api/systems", "hostname"],
      ["/api/systemusers", "email"],
    ] as const) {
      for (const q of ["skip=3&limit=7&sort=_id", "skip=0&limit=100", "skip=5&limit=4&sort=id"]) {
        const plain = await get(`${path}?${q}`);
        const filtered = await get(`${path}?${q}&${everything(field)}`);
        expect(plain.body.totalCount).toBeGreaterThan(7);
        expect(plain.body).toEqual(filtered.body);
      }
    }
  });

  it("pages group members in stored order with the total in x-total-count", async () => {
    const [gid, members] = [...s.org!.members].find(([id, m]) => s.org!.userGroups.has(id) && m.size > 3)!;
    const all = [...members];
    const first = await get(`/api/v2/usergroups/${gid}/members?limit=2&skip=0`);
    const rest = await get(`/api/v2/usergroups/${gid}/members?limit=100&skip=2`);
    expect(first.total).toBe(String(all.length));
    expect([...first.body, ...rest.body].map((c: { to: { id: string; type: string } }) => c.to)).toEqual(
      all.map((id) => ({ id, type: "user", attributes: null })),
    );
    const membership = await get(`/api/v2/usergroups/${gid}/membership?limit=2&skip=1`);
    expect(membership.body.map((m: { id: string }) => m.id)).toEqual(all.slice(1, 3));
  });
});
