import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTwingateSim, TWINGATE_GRAPHQL_PATH, TWINGATE_SIM_CREDENTIALS, type TwingateSim } from ".";
import { connection } from "./connection";
import { matchString } from "./filters";
import { cursorOf, globalId, idNumber } from "./ids";
import { RollingWindowLimiter } from "./rate-limit";
import { seedTwingate } from "./seed";

describe("Twingate simulator seed", () => {
  it("is deterministic and shares the people of the simulated directory", () => {
    const a = seedTwingate("small", 7);
    const b = seedTwingate("small", 7);
    expect([...a.users.values()]).toEqual([...b.users.values()]);
    const users = [...a.users.values()];
    expect(users.length).toBe(24);
    expect(a.devices.size).toBe(48);
    expect(new Set(users.map((u) => u.type))).toEqual(new Set(["SYNCED", "MANUAL"]));
    expect(users.every((u) => u.email.endsWith("@northwind.example"))).toBe(true);
  });

  it("size large holds 50,000 users and 100,000 devices", () => {
    const sim = createTwingateSim({ size: "large" });
    expect(sim.state.users.size).toBe(50_000);
    expect(sim.state.devices.size).toBe(100_000);
  }, 20_000);
});

describe("Twingate simulator building blocks", () => {
  it("uses Relay global ids and arrayconnection cursors", () => {
    expect(globalId("User", 589713)).toBe("VXNlcjo1ODk3MTM=");
    expect(idNumber("VXNlcjo1ODk3MTM=", "User")).toBe(589713);
    expect(idNumber("VXNlcjo1ODk3MTM=", "Device")).toBeNull();
    expect(cursorOf(0)).toBe("YXJyYXljb25uZWN0aW9uOjA=");
  });

  it("slices connections by first/after and last/before", () => {
    const items = [0, 1, 2, 3, 4];
    const p1 = connection(items, { first: 2 }, "x");
    expect(p1.edges.map((e) => e.node)).toEqual([0, 1]);
    expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const p3 = connection(items, { first: 2, after: cursorOf(3) }, "x");
    expect(p3.edges.map((e) => e.node)).toEqual([4]);
    expect(p3.pageInfo.hasNextPage).toBe(false);
    const last = connection(items, { last: 2, before: cursorOf(4) }, "x");
    expect(last.edges.map((e) => e.node)).toEqual([2, 3]);
    expect(last.pageInfo.hasPreviousPage).toBe(true);
    expect(() => connection(items, { first: 101 }, "x")).toThrow(/exceeds the `first` limit of 100/);
  });

  it("ANDs string operators", () => {
    expect(matchString("ada@x.example", { endsWith: "@x.example", startsWith: "ada" })).toBe(true);
    expect(matchString("ada@x.example", { endsWith: "@x.example", ne: "ada@x.example" })).toBe(false);
    expect(matchString("ada@x.example", { in: ["a", "ada@x.example"], regexp: "^a.a@" })).toBe(true);
    expect(matchString("ada", { contains: "z" })).toBe(false);
  });

  it("limits requests in a rolling window and says when to come back", () => {
    const l = new RollingWindowLimiter(2, 1_000);
    expect(l.take(0).ok).toBe(true);
    expect(l.take(500).ok).toBe(true);
    expect(l.take(900)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(l.take(1_000).ok).toBe(true);
  });
});

describe("Twingate simulator over HTTP", () => {
  let sim: TwingateSim;
  let url: string;
  beforeAll(async () => {
    sim = createTwingateSim();
    url = (await sim.server.listen(0)).url;
  });
  afterAll(async () => {
    await sim.server.close();
  });

  const post = (body: unknown, key: string | null = TWINGATE_SIM_CREDENTIALS.apiKey) =>
    fetch(`${url}${TWINGATE_GRAPHQL_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key === null ? {} : { "x-api-key": key }) },
      body: JSON.stringify(body),
    });

  it("refuses a missing key with 401", async () => {
    expect((await post({ query: "{ users { totalCount } }" }, null)).status).toBe(401);
  });

  it(
    "answers 400 with errors[] for a document the schema rejects, " + "and only serves the trailing-slash path",
    async () => {
      const res = await post({ query: "{ users { nope } }" });
      expect(res.status).toBe(400);
      expect((await res.json()).errors[0].message).toContain("nope");
      const noSlash = await fetch(`${url}/api/graphql`, { method: "POST", body: "{}" });
      expect(noSlash.status).toBe(404);
    },
  );

  it("returns null for a missing single object and ok:false for a business failure", async () => {
    const missing = await (await post({ query: `{ user(id: "${globalId("User", 1)}") { id } }` })).json();
    expect(missing).toEqual({ data: { user: null } });
    const synced = [...sim.state.users.values()].find((u) => u.type === "SYNCED")!;
    const del = await (await post({ query: `mutation { userDelete(id: "${synced.id}") { ok error } }` })).json();
    expect(del.data.userDelete).toEqual({
      ok: false,
      error: "Users synced from an identity provider cannot be deleted.",
    });
  });

  it(
    "answers the same document the same way every time, rejected or " + "not (documents are parsed and validated once)",
    async () => {
      for (let i = 0; i < 2; i++) {
        const bad = await post({ query: "{ users { nope } }" });
        expect(bad.status).toBe(400);
        expect((await bad.json()).errors[0].message).toContain("nope");
        const good = await (
          await post({
            query: "query Q($n: Int) { users(first: $n) { totalCount edges { node { id } } } }",
            variables: { n: i + 1 },
          })
        ).json();
        expect(good.data.users.edges).toHaveLength(i + 1);
      }
    },
  );

  it(
    "pages unfiltered lists (users, devices, Everyone's members) " + "as it pages a filter that keeps everything",
    async () => {
      const everyone = [...sim.state.groups.values()].find((g) => g.everyone)!;
      const read = async (filter: string, after: string | null) =>
        (
          await (
            await post({
              query:
                `query P($after: String) {
        users(first: 7, after: $after${filter && `, filter: { email: { ne: "none" } }`}) ` +
                `{ totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id email } } }
        devices(first: 7, after: $after${filter && `, filter: { serialNumber: { ne: "none" } }`}) ` +
                `{ totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } }
        group(id: "${everyone.id}") { users(first: 7, after: ` +
                `$after${filter && `, filter: { email: { ne: "none" } }`}) { ` +
                `totalCount pageInfo { hasNextPage } edges { cursor node { id } } } }
      }`,
              variables: { after },
            })
          ).json()
        ).data;
      for (const after of [null, cursorOf(4), cursorOf(sim.state.users.size - 3)]) {
        const plain = await read("", after);
        expect(plain.users.totalCount).toBe(sim.state.users.size);
        expect(plain.users.edges.length).toBeGreaterThan(0);
        expect(plain).toEqual(await read("filtered", after));
      }
    },
  );

  it("filters users by type (changelog 2023-04-04)", async () => {
    const res = await post({
      query: "{ users(first: 100, filter: { type: { in: [SYNCED] } }) { totalCount edges { node { type } } } }",
    });
    expect(res.status).toBe(200);
    const { users } = (await res.json()).data;
    expect(users.totalCount).toBe([...sim.state.users.values()].filter((u) => u.type === "SYNCED").length);
    expect(new Set(users.edges.map((e: { node: { type: string } }) => e.node.type))).toEqual(new Set(["SYNCED"]));
  });

  it("records what reached it, per root field", async () => {
    await fetch(`${url}/__sim/requests`, { method: "DELETE" });
    await post({ query: "{ users(first: 1) { totalCount } groups(first: 1) { totalCount } }" });
    const log = await (await fetch(`${url}/__sim/requests`)).json();
    expect(log).toEqual({ total: 1, byField: { users: 1, groups: 1 } });
  });
});

describe("Twingate simulator rate limit", () => {
  let sim: TwingateSim;
  let url: string;
  beforeAll(async () => {
    sim = createTwingateSim({ rateLimits: { readsPerWindow: 2, writesPerWindow: 1, windowMs: 60_000 } });
    url = (await sim.server.listen(0)).url;
  });
  afterAll(async () => {
    await sim.server.close();
  });

  const post = (query: string, key = TWINGATE_SIM_CREDENTIALS.apiKey) =>
    fetch(`${url}${TWINGATE_GRAPHQL_PATH}`, {
      method: "POST",
      headers: { "x-api-key": key },
      body: JSON.stringify({ query }),
    });
  const faults = (f: Record<string, number>) =>
    fetch(`${url}/__sim/faults`, { method: "PUT", body: JSON.stringify(f) });

  it("counts a request its servers failed, and refuses one over the limit instead of failing it", async () => {
    await faults({ errorRate: 1 });
    // A wrong key is refused before it counts; the read with the right key counts, though it fails.
    expect((await post("{ users { totalCount } }", "not-the-key")).status).toBe(500);
    expect((await post("{ users { totalCount } }")).status).toBe(500);
    await faults({ errorRate: 0 });
    expect((await post("{ users { totalCount } }")).status).toBe(200);
    const over = await post("{ users { totalCount } }");
    expect([over.status, over.headers.get("retry-after")]).toEqual([429, "60"]);
    // Over the limit, a request the servers would fail is refused as over the limit.
    await faults({ errorRate: 1 });
    expect((await post("{ users { totalCount } }")).status).toBe(429);
    // Writes have their own budget.
    expect((await post('mutation { userDelete(id: "VXNlcjox") { ok } }')).status).toBe(500);
    expect((await post('mutation { userDelete(id: "VXNlcjox") { ok } }')).status).toBe(429);
  });
});
