import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRules } from "./openapi/list-rules";
import { appleMdm } from "./state";
import { startJumpCloudSim } from "./test-sim";

// Each list route applies its own documented limit default and maximum, and
// array parameters are taken only in the form the spec gives them.
let s: Awaited<ReturnType<typeof startJumpCloudSim>>;
beforeAll(async () => {
  s = await startJumpCloudSim();
  await fetch(`${s.url}/__sim/bulk-delay`, { method: "PUT", body: JSON.stringify({ ms: 0 }) });
});
afterAll(() => s.close());

const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { "x-api-key": s.sim.credentials.apiKey },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, total: res.headers.get("x-total-count") };
};
const get = (path: string) => call("GET", path);
const ok = async (path: string) => {
  const r = await get(path);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r;
};
const items = (r: { body: unknown }) => (Array.isArray(r.body) ? r.body : (r.body as { results: unknown[] }).results);
const rulesOf = (route: string) => listRules(route.split(" ")[0]!, route.split(" ")[1]!);
const defaultOf = (route: string) => rulesOf(route).limit.default;

describe("JumpCloud simulator list paging", () => {
  it("pages a bulk job's results: 10 by default, skip and limit up to 100, the total in x-total-count", async () => {
    const users = Array.from({ length: 25 }, (_, i) => ({
      email: `paged.${i}@northwind.example`,
      username: `paged.${i}`,
    }));
    const { body } = await call("POST", "/api/v2/bulk/users", users);
    const results = `/api/v2/bulk/users/${(body as { jobId: string }).jobId}/results`;
    const first = await ok(results);
    expect(first.body).toHaveLength(10);
    expect(first.total).toBe("25");
    const last = await ok(`${results}?skip=20&limit=10`);
    expect(last.body).toHaveLength(5);
    const whole = await ok(`${results}?limit=100`);
    expect(whole.body).toHaveLength(25);
    expect([...first.body, ...(await ok(`${results}?skip=10&limit=10`)).body, ...last.body]).toEqual(whole.body);
    const over = await get(`${results}?limit=101`);
    expect(over).toMatchObject({
      status: 400,
      body: {
        code: 400,
        status: "Bad Request",
        message: 'Bad Request: request parameter "limit" exceeds maximum value of 100',
      },
    });
  });

  it("pages scheduled state changes, 10 by default", async () => {
    const ids = [...s.org!.users.keys()].slice(0, 12);
    await call("POST", "/api/v2/bulk/userstates", {
      user_ids: ids,
      state: "SUSPENDED",
      start_date: "2099-01-01T00:00:00Z",
    });
    const first = await ok("/api/v2/bulk/userstates");
    expect(first.body).toHaveLength(10);
    expect(first.total).toBe("12");
    expect((await ok("/api/v2/bulk/userstates?limit=100")).body).toHaveLength(12);
  });

  it("lists one Apple MDM server unless asked for more (limit default 1)", async () => {
    const second = appleMdm("0123456789abcdef01234567", "Apple MDM (school)");
    s.org!.mdms.set(second.id, second);
    const first = await ok("/api/v2/applemdms");
    expect(first.body).toHaveLength(1);
    expect(first.total).toBe("2");
    expect((await ok("/api/v2/applemdms?limit=100")).body.map((m: { id: string }) => m.id)).toEqual([
      ...s.org!.mdms.keys(),
    ]);
    expect((await ok("/api/v2/applemdms?skip=1&limit=1")).body).toEqual([{ id: second.id, name: second.name }]);
    expect((await get("/api/v2/applemdms?limit=101")).status).toBe(400);
  });

  it.each([
    ["GET /api/systemusers", () => "/api/systemusers"],
    ["GET /api/systems", () => "/api/systems"],
    ["GET /api/v2/applemdms/:apple_mdm_id/devices", () => `/api/v2/applemdms/${[...s.org!.mdms.keys()][0]}/devices`],
  ])("%s answers its documented default page and refuses a limit past its maximum", async (route, pathOf) => {
    const path = pathOf();
    const r = await ok(path);
    expect(items(r).length).toBe(defaultOf(route));
    expect(Number(r.total ?? (r.body as { totalCount: number }).totalCount)).toBeGreaterThan(defaultOf(route));
    expect((await get(`${path}?limit=${rulesOf(route).limit.max + 1}`)).status).toBe(400);
  });

  it(
    "refuses a skip below zero on v1 /systemusers, whose skip states " + "no minimum (corrected as every other list's)",
    async () => {
      expect(await get("/api/systemusers?skip=-1")).toMatchObject({
        status: 400,
        body: { code: 400, status: "Bad Request", message: "skip must be an integer of at least 0" },
      });
      expect(await get("/api/v2/usergroups?skip=-1")).toMatchObject({
        status: 400,
        body: { code: 400, status: "Bad Request" },
      });
    },
  );
});

describe("JumpCloud simulator array query parameters", () => {
  it("takes targets comma-separated and refuses it repeated", async () => {
    const [uid] = s.org!.users.keys();
    const [sg] = s.org!.systemGroups.keys();
    expect(
      (await call("POST", `/api/v2/users/${uid}/associations`, { op: "add", type: "system_group", id: sg })).status,
    ).toBe(204);
    const path = `/api/v2/users/${uid}/associations?limit=100`;
    const both = await ok(`${path}&targets=system,system_group`);
    const ids = (r: { body: { to: { id: string } }[] }) => r.body.map((c) => c.to.id).sort();
    const systems = ids(await ok(`${path}&targets=system`));
    expect(systems.length).toBeGreaterThan(0);
    expect(ids(both)).toEqual([...systems, sg].sort());
    const repeated = await get(`${path}&targets=system&targets=system_group`);
    expect(repeated).toMatchObject({ status: 400, body: { code: 400, status: "Bad Request" } });
    expect(repeated.body.message).toMatch(/^targets is a comma-separated list/);
  });

  it("ANDs comma-separated v2 filters and refuses them repeated or indexed", async () => {
    const [g] = s.org!.userGroups.values();
    const name = encodeURIComponent(`name:eq:${g!.name}`);
    const anded = await ok(`/api/v2/usergroups?filter=${name},type:eq:user_group`);
    expect(anded.body.map((x: { id: string }) => x.id)).toEqual([g!.id]);
    expect((await ok(`/api/v2/usergroups?filter=${name},type:eq:system_group`)).body).toEqual([]);
    expect((await get(`/api/v2/usergroups?filter=${name}&filter=type:eq:user_group`)).status).toBe(400);
    const indexed = await get(`/api/v2/usergroups?filter[0]=${name}&filter[1]=type:eq:user_group`);
    expect(indexed).toMatchObject({
      status: 400,
      body: { message: expect.stringMatching(/^filter\[0\] is not a parameter here/) },
    });
  });
});
