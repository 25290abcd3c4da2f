import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTruGridSim, TRUGRID_SIM_API_KEY, type TruGridSim } from "./index";

// Behaviour of the simulator itself that the client cannot provoke: raw
// requests, limits, determinism and the size of the large company.

let sim: TruGridSim;
let url: string;
const D = "northwind.example";
const post = (route: string, body: unknown, key: string | null = TRUGRID_SIM_API_KEY, domain = D) =>
  fetch(`${url}/api/public/${route}?domainName=${domain}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key === null ? {} : { api_key: key }) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  sim = createTruGridSim();
  url = (await sim.server.listen(0)).url;
});
afterAll(async () => {
  await sim.server.close();
});

describe("TruGrid simulator", () => {
  it("exposes its default credentials and the small company's domain", () => {
    expect(sim.credentials).toEqual({ apiKey: TRUGRID_SIM_API_KEY, domainName: D });
  });

  it("refuses a missing api_key with 401 plain text, and not x-api-key either", async () => {
    const res = await post("turnOnMfa", [], null);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toBe("Missing api_key header.");
    const other = await fetch(`${url}/api/public/IpWhitelist?domainName=${D}`, {
      headers: { "x-api-key": TRUGRID_SIM_API_KEY },
    });
    expect(other.status).toBe(401);
  });

  it("matches routes and query names case-insensitively", async () => {
    const upn = [...sim.state.domains.get(D)!.users.values()].find((u) => u.synced)!.upn;
    const res = await fetch(`${url}/API/PUBLIC/TURNONMFA?DOMAINNAME=${D}`, {
      method: "POST",
      headers: { api_key: TRUGRID_SIM_API_KEY },
      body: JSON.stringify([upn]),
    });
    expect(await res.json()).toEqual([{ item: upn, status: "Success." }]);
  });

  it("answers 400 past 100 items", async () => {
    const res = await post(
      "EnableUdp",
      Array.from({ length: 101 }, (_, i) => `u${i}@${D}`),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toBe("Maximum 100 items per request.");
    const set = await post(
      "SetMachineAssociations",
      Array.from({ length: 101 }, () => ({ userUpn: `a@${D}`, groupName: "g", machineName: "m" })),
    );
    expect(await set.text()).toBe("Maximum 100 items per request.");
  });

  it("refuses an empty or null Set Machine Associations body", async () => {
    for (const body of ["", "null", "[]"]) {
      const res = await post("SetMachineAssociations", body);
      expect(res.status).toBe(400);
      expect(await res.text()).toBe("Request body must contain at least one association.");
    }
  });

  it("echoes each association with its status", async () => {
    const res = await post("SetMachineAssociations", [
      { userUpn: `ghost@${D}`, groupName: "Remote Desktop Farm", machineName: "NW-RDS-01" },
    ]);
    expect(await res.json()).toEqual([
      {
        userUpn: `ghost@${D}`,
        groupName: "Remote Desktop Farm",
        machineName: "NW-RDS-01",
        status: `Error. Reason: User 'ghost@${D}' not found in domain '${D}'.`,
      },
    ]);
  });

  it("reads the resetPhone flag and an empty refresh body", async () => {
    const u = [...sim.state.domains.get(D)!.users.values()].find(
      (x) => x.synced && x.mfaEnabled && x.mfaEnrolled && x.phone,
    )!;
    await fetch(`${url}/api/public/resetMfa?domainName=${D}&resetPhone=true`, {
      method: "POST",
      headers: { api_key: TRUGRID_SIM_API_KEY },
      body: JSON.stringify([u.upn]),
    });
    expect(u.phone).toBeNull();
    const res = await fetch(`${url}/api/public/RefreshActiveDirectory?domainName=${D}`, {
      method: "POST",
      headers: { api_key: TRUGRID_SIM_API_KEY },
    });
    expect(res.status).toBe(200);
  });

  it("counts requests per route, including refused ones", async () => {
    const before = (await (await fetch(`${url}/__sim/requests`)).json()).byRoute.ipwhitelist ?? 0;
    await fetch(`${url}/api/public/IpWhitelist?domainName=${D}`);
    expect((await (await fetch(`${url}/__sim/requests`)).json()).byRoute.ipwhitelist).toBe(before + 1);
  });

  it("seeds the same state from the same seed", () => {
    const a = createTruGridSim({ seed: 7 }).state.domains.values().next().value!;
    const b = createTruGridSim({ seed: 7 }).state.domains.values().next().value!;
    expect([...a.users.values()]).toEqual([...b.users.values()]);
    expect(a.ipWhitelist).toEqual(b.ipWhitelist);
  });

  it("seeds the large company", () => {
    const large = createTruGridSim({ size: "large" });
    const d = large.state.domains.values().next().value!;
    expect(d.users.size).toBe(50_000);
    expect(d.machines.size).toBeGreaterThan(50_000);
    expect(large.credentials.domainName).toBe("globex.example");
  }, 30_000);
});
