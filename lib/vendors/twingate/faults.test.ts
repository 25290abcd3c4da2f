import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { InProcessPacer } from "./pacer";
import { startSim, vendorError } from "./test-sim";

let env: Awaited<ReturnType<typeof startSim>>;
beforeAll(async () => {
  env = await startSim();
});
afterAll(async () => {
  await env.close();
});
afterEach(async () => {
  await env.simJson("PUT", "/__sim/faults", { latencyMs: 0, errorRate: 0, burst429: 0, hang: 0, retryAfterSeconds: 1 });
  env.sent.length = 0;
});

const RECORDED = "/__sim/requests";

describe("Twingate credentials", () => {
  it("a wrong or missing API key is refused with 401 and not retried", async () => {
    const wrong = await vendorError(env.client({ credentials: { apiKey: "not-the-key" } }).users());
    expect(wrong.info).toMatchObject({
      vendor: "twingate",
      kind: "http",
      status: 401,
      retryable: false,
      vendorMessage: "Invalid API key",
    });
    const missing = await vendorError(env.client({ credentials: { apiKey: "" } }).user("VXNlcjox"));
    expect(missing.info).toMatchObject({ kind: "http", status: 401 });
    expect(env.sent).toHaveLength(2);
  });
});

describe("Twingate errors", () => {
  it("GraphQL errors[] become a vendor VendorError with the message", async () => {
    const err = await vendorError(env.client().usersPage({ first: 500 }));
    expect(err.info).toMatchObject({ kind: "vendor", operation: "users", status: 200, retryable: false });
    expect(err.vendorMessage).toContain("exceeds the `first` limit of 100 records");
    const cursor = await vendorError(env.client().usersPage({ after: "bm90LWEtY3Vyc29y" }));
    expect(cursor.info.kind).toBe("vendor");
  });

  it("a body that is not the documented shape is an invalid_response VendorError", async () => {
    const html = await vendorError(
      env.client({ fetch: async () => new Response("<html>Not your network</html>", { status: 200 }) }).users(),
    );
    expect(html.info).toMatchObject({ kind: "invalid_response", retryable: false });
    const shape = await vendorError(
      env
        .client({ fetch: async () => Response.json({ data: { user: { id: "VXNlcjox", email: 7 } } }) })
        .user("VXNlcjox"),
    );
    expect(shape.info.kind).toBe("invalid_response");
    expect(shape.vendorMessage).toContain("user.");
  });

  it("a network failure is a network VendorError", async () => {
    const err = await vendorError(
      env
        .client({
          baseUrl: "http://127.0.0.1:1",
          retry: { retries: 0, minDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 },
        })
        .users(),
    );
    expect(err.info).toMatchObject({ kind: "network", status: null });
  });
});

describe("Twingate faults", () => {
  it("survives a 429 burst by waiting out Retry-After", async () => {
    await env.simJson("PUT", "/__sim/faults", { burst429: 2, retryAfterSeconds: 0 });
    const users = await env.client().users();
    expect(users.length).toBeGreaterThan(0);
    expect(env.sent).toHaveLength(3);
  });

  it("a 429 on a write is resent: the vendor refused before doing anything", async () => {
    const [d] = await env.client().devices({ activeState: { in: ["ACTIVE"] } });
    await env.simJson("PUT", "/__sim/faults", { burst429: 1, retryAfterSeconds: 0 });
    expect((await env.client().deviceUpdate(d!.id, true)).isTrusted).toBe(true);
    expect(env.sent).toHaveLength(3);
  });

  it("retries a 500 on an idempotent read", async () => {
    // Every second request fails: of two reads, one needs a second attempt.
    await env.simJson("PUT", "/__sim/faults", { errorRate: 0.5 });
    const tg = env.client();
    const [first] = await tg.users();
    expect(await tg.user(first!.id)).not.toBeNull();
    expect(env.sent).toHaveLength(3);
  });

  it("a hang ends in a timeout VendorError", async () => {
    await env.simJson("PUT", "/__sim/faults", { hang: 5 });
    const err = await vendorError(
      env.client({ timeoutMs: 150, retry: { retries: 1, minDelayMs: 5, maxDelayMs: 5, maxRetryAfterMs: 0 } }).users(),
    );
    expect(err.info).toMatchObject({ kind: "timeout", status: null, retryable: true });
    expect(env.sent).toHaveLength(2);
  });

  it("does not resend a mutation answered 500", async () => {
    await env.simJson("PUT", "/__sim/faults", { errorRate: 1 });
    const err = await vendorError(env.client().userCreate({ email: "once.only@northwind.example" }));
    expect(err.info).toMatchObject({ kind: "http", status: 500, operation: "userCreate" });
    expect(env.sent).toHaveLength(1);
    await env.simJson("PUT", "/__sim/faults", { errorRate: 0 });
    expect(await env.client().users({ email: { eq: "once.only@northwind.example" } })).toEqual([]);
  });

  it("does not resend a mutation that timed out: the simulator saw it exactly once", async () => {
    await env.simJson("DELETE", RECORDED);
    await env.simJson("PUT", "/__sim/faults", { latencyMs: 300 });
    const err = await vendorError(env.client({ timeoutMs: 100 }).userCreate({ email: "slow.write@northwind.example" }));
    expect(err.info).toMatchObject({ kind: "timeout", operation: "userCreate" });
    expect(env.sent).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 400));
    expect((await env.simJson("GET", RECORDED)).byField.userCreate).toBe(1);
    await env.simJson("PUT", "/__sim/faults", { latencyMs: 0 });
    // The outcome was unknown to the client, but the write happened once.
    expect(await env.client().users({ email: { eq: "slow.write@northwind.example" } })).toHaveLength(1);
  });
});

describe("Twingate rate limits", () => {
  it("the simulator answers 429 with Retry-After past the limit, and the client waits it out", async () => {
    const limited = await startSim({ rateLimits: { readsPerWindow: 2, writesPerWindow: 1, windowMs: 1_000 } });
    try {
      const noRetry = limited.client({ retry: { retries: 0, minDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 5_000 } });
      await noRetry.securityPolicies();
      await noRetry.securityPolicies();
      const err = await vendorError(noRetry.securityPolicies());
      expect(err.info).toMatchObject({ kind: "http", status: 429, retryable: true, retryAfterMs: 1_000 });

      const d = limited.sim.state.devices.values().next().value!;
      const write = limited.client();
      await write.deviceUpdate(d.id, false);
      const started = Date.now();
      expect((await write.deviceUpdate(d.id, true)).isTrusted).toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    } finally {
      await limited.close();
    }
  });

  it("the in-process pacer keeps a client under the limit so the simulator never refuses", async () => {
    const limited = await startSim({ rateLimits: { readsPerWindow: 3, writesPerWindow: 1, windowMs: 400 } });
    try {
      const tg = limited.client({
        retry: { retries: 0, minDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 },
        pacer: new InProcessPacer({ read: { limit: 3, windowMs: 400 }, write: { limit: 1, windowMs: 400 } }, 150),
      });
      const started = Date.now();
      const results = await Promise.all(Array.from({ length: 7 }, () => tg.remoteNetworks()));
      expect(results.every((r) => r.length === 4)).toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(800);
      expect(limited.sent).toHaveLength(7);
    } finally {
      await limited.close();
    }
  });
});
