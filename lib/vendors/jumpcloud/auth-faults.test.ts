import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VendorError } from "../core/vendor-error";
import { startSim } from "./test-support";

let env: Awaited<ReturnType<typeof startSim>>;
beforeAll(async () => {
  env = await startSim();
});
afterAll(() => env.close());
beforeEach(async () => {
  await env.simCall("PUT", "/__sim/faults", { latencyMs: 0, errorRate: 0, burst429: 0, hang: 0, retryAfterSeconds: 0 });
  await env.simCall("PUT", "/__sim/after-write", {});
  await env.simCall("PUT", "/__sim/ratelimit", { requests: 0 });
  await env.simCall("DELETE", "/__sim/requests");
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a VendorError");
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(VendorError);
      return e as VendorError;
    },
  );
const counts = () => env.simCall("GET", "/__sim/requests") as Promise<Record<string, number>>;

describe("JumpCloud auth", () => {
  it("refuses a wrong or missing key with 401 Error{code,message,status}", async () => {
    const e = await failure(env.client({ credentials: { apiKey: "jca_wrong" } }).listUsers());
    expect(e.status).toBe(401);
    expect(e.vendorMessage).toBe("Unauthorized");
    expect(e.retryable).toBe(false);
    const raw = await fetch(`${env.url}/api/systemusers`);
    expect(raw.status).toBe(401);
    expect(await raw.json()).toEqual({ code: 401, message: "Unauthorized", status: "Unauthorized" });
  });

  it("applies x-org-id for the MSP key: 401 missing, 400 malformed, 404 unknown, data per org", async () => {
    const msp = (orgId?: string) => env.client({ credentials: { apiKey: env.sim.credentials.mspApiKey, orgId } });
    const missing = await failure(msp().listUsers());
    expect([missing.status, missing.vendorMessage]).toEqual([401, "ID not included for multi-tenant admin"]);
    const malformed = await failure(msp("not-an-id").listUsers());
    expect([malformed.status, malformed.vendorMessage]).toEqual([400, "Malformed ID."]);
    const unknown = await failure(msp("aaaaaaaaaaaaaaaaaaaaaaaa").listUsers());
    expect([unknown.status, unknown.vendorMessage]).toEqual([404, "Organization ID Not Found."]);
    const [first, second] = env.sim.credentials.orgIds;
    expect((await msp(first).listUsers()).total).toBe(24);
    expect((await msp(second).listUsers()).total).toBe(0);
    // A single-organisation key works without x-org-id and only for its own org.
    expect(
      (await env.client({ credentials: { apiKey: env.sim.credentials.apiKey, orgId: first } }).listUsers()).total,
    ).toBe(24);
    expect(
      (await failure(env.client({ credentials: { apiKey: env.sim.credentials.apiKey, orgId: second } }).listUsers()))
        .status,
    ).toBe(404);
  });
});

describe("JumpCloud faults", () => {
  it("survives a 429 burst with Retry-After", async () => {
    await env.simCall("PUT", "/__sim/faults", { burst429: 2, retryAfterSeconds: 0 });
    expect((await env.client().listUsers({ limit: 1 })).total).toBe(24);
  });

  it("survives the configurable rate limit", async () => {
    await env.simCall("PUT", "/__sim/ratelimit", { requests: 2, windowMs: 300 });
    const c = env.client({ retry: { retries: 4, minDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 2_000 } });
    const raw = await Promise.all(
      [1, 2, 3].map(() =>
        fetch(`${env.url}/api/systemusers`, { headers: { "x-api-key": env.sim.credentials.apiKey } }),
      ),
    );
    const limited = raw.find((r) => r.status === 429)!;
    expect(limited.headers.get("retry-after")).toBe("1");
    expect((await limited.json()).code).toBe(429);
    expect((await c.listUsers({ limit: 1 })).total).toBe(24);
  });

  it("retries a 500 on an idempotent read", async () => {
    await env.simCall("PUT", "/__sim/faults", { errorRate: 0.5 });
    const c = env.client();
    for (let i = 0; i < 3; i++) expect((await c.listGroups("user")).total).toBeGreaterThan(0);
  });

  it("ends a hang in a timeout VendorError", async () => {
    await env.simCall("PUT", "/__sim/faults", { hang: 10 });
    const e = await failure(
      env
        .client({ timeoutMs: 100, retry: { retries: 1, minDelayMs: 5, maxDelayMs: 10, maxRetryAfterMs: 1_000 } })
        .getUser("x"),
    );
    expect(e.info.kind).toBe("timeout");
  });

  it("does not resend a create whose answer was a 500 after the write", async () => {
    await env.simCall("PUT", "/__sim/after-write", { fail500: 1 });
    const e = await failure(env.client().createUser({ username: "once.only", email: "once.only@northwind.example" }));
    expect(e.status).toBe(500);
    expect((await counts())["POST /api/systemusers"]).toBe(1);
    expect([...env.org!.users.values()].filter((u) => u.username === "once.only")).toHaveLength(1);
  });

  it("does not resend a non-idempotent write that timed out", async () => {
    await env.simCall("PUT", "/__sim/after-write", { hang: 1 });
    const [u] = env.org!.users.values();
    const e = await failure(env.client({ timeoutMs: 150 }).resetMfa(u!._id, { exclusionDays: 2 }));
    expect(e.info.kind).toBe("timeout");
    expect((await counts())["POST /api/systemusers/:id/resetmfa"]).toBe(1);
  });

  it("does not resend a device command answered 500 at the edge", async () => {
    await env.simCall("PUT", "/__sim/faults", { errorRate: 1 });
    let sent = 0;
    const counting = (input: string | URL | Request, init?: RequestInit) => {
      sent++;
      return fetch(input, init);
    };
    const [s] = env.org!.systems.values();
    expect((await failure(env.client({ fetch: counting }).systemCommand(s!._id, "erase"))).status).toBe(500);
    expect(sent).toBe(1);
  });

  it("turns a body of the wrong shape into an invalid_response VendorError", async () => {
    const lying = async () =>
      new Response(JSON.stringify({ totalCount: "many" }), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    const e = await failure(env.client({ fetch: lying }).listUsers());
    expect(e.info.kind).toBe("invalid_response");
  });
});
