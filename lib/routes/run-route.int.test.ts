import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeTwoTenants } from "../../test/factories";
import type { AuditAction } from "../audit/event-types";
import type { Staff, TenantSummary } from "../auth/staff";
import { type NoFields, pathId, urlDate, urlId } from "../params/fields";
import { type RouteContext, type RouteDef, type RouteInput, runRoute } from "./run-route";

let t: TestDatabase;
let tenantA: TenantSummary;
let tenantB: TenantSummary;
let viewer: Staff;
let operator: Staff;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ tenantA, tenantB, viewer, operator } = await makeTwoTenants(t.db, "Route Tenant"));
});
afterAll(() => t.drop());

const env = (staff: Staff | null) => ({
  db: t.db,
  staff: async () => staff,
  meta: async () => ({ ip: "203.0.113.7", userAgent: "vitest" }),
});
const lastEvent = () => t.db.auditEvent.findFirst({ orderBy: { seq: "desc" } });
const get = (url: string, params: Record<string, string> = {}) => ({
  request: new Request(`http://console.test${url}`),
  context: { params: Promise.resolve(params) },
});

// An operator-level route naming a tenant in its query and an object in its path,
// whose body finds objects by a name that stands for "in scope" here.
const Params = z.object({ thing: pathId() });
const Query = z.object({ tenantId: urlId(), since: urlDate.optional() });
const def: RouteDef<typeof Params, typeof Query> = {
  name: "test.thing_read" as AuditAction,
  perm: "trugrid.user.write",
  params: Params,
  query: Query,
  tenant: ({ query }) => query.tenantId,
  describe: ({ params }) => [{ type: "thing", id: params.thing }],
};
const body = async ({ params, query }: RouteInput<typeof Params, typeof Query>, ctx: RouteContext) => {
  const thing = ctx.found(params.thing.startsWith("mine") ? { name: params.thing } : null, {
    type: "thing",
    id: params.thing,
  });
  return Response.json({ thing: thing.name, tenantId: query.tenantId });
};
const call = (staff: Staff | null, url: string, thing = "mine-1") => {
  const { request, context } = get(url, { thing });
  return runRoute(def, body, request, context, env(staff));
};

describe("runRoute", () => {
  it("answers the body when every check passes", async () => {
    const before = await lastEvent();
    const res = await call(operator, `/x?tenantId=${tenantA.id}&since=2026-01-01`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ thing: "mine-1", tenantId: tenantA.id });
    expect((await lastEvent())?.id).toBe(before?.id); // a read that passes is not an event of its own
  });

  it("401 without a session, recorded as denied", async () => {
    const res = await call(null, `/x?tenantId=${tenantA.id}`);
    expect(res.status).toBe(401);
    expect(await lastEvent()).toMatchObject({
      action: "test.thing_read" as AuditAction,
      outcome: "denied",
      actorId: null,
      reason: "not signed in",
      ip: "203.0.113.7",
    });
  });

  it("a flood without a session writes a bounded number of events, and says how many it left out", async () => {
    const flood = {
      db: t.db,
      staff: async () => null,
      meta: async () => ({ ip: "203.0.113.66", userAgent: "scanner" }),
    };
    const before = await t.db.auditEvent.count({ where: { ip: "203.0.113.66" } });
    for (let i = 0; i < 60; i++) {
      const { request, context } = get(`/x?tenantId=${tenantA.id}`, { thing: "mine-1" });
      expect((await runRoute(def, body, request, context, flood)).status).toBe(401);
    }
    expect((await t.db.auditEvent.count({ where: { ip: "203.0.113.66" } })) - before).toBeLessThanOrEqual(20);
  });

  it("403 for a role without the permission, recorded as denied", async () => {
    const res = await call(viewer, `/x?tenantId=${tenantA.id}`);
    expect(res.status).toBe(403);
    expect(await lastEvent()).toMatchObject({
      outcome: "denied",
      actorId: viewer.id,
      reason: expect.stringContaining("viewer lacks trugrid.user.write"),
    });
  });

  it("400 naming the bad parameter, before the tenant or the body is looked at, recorded as denied", async () => {
    for (const [url, thing, param] of [
      [`/x?tenantId=${tenantA.id}&since=-271821-04-20`, "mine-1", "since"],
      [`/x?tenantId=a%00b`, "mine-1", "tenantId"],
      ["/x", "mine-1", "tenantId"],
      [`/x?tenantId=${tenantA.id}`, "%E0%A4%A", "thing"],
      [`/x?tenantId=${tenantA.id}`, "mine\u0000", "thing"],
    ] as const) {
      const res = await call(operator, url, thing);
      expect(res.status, url).toBe(400);
      expect(await res.json()).toMatchObject({ param, problem: expect.any(String) });
      expect(await lastEvent()).toMatchObject({
        outcome: "denied",
        actorId: operator.id,
        tenantId: null,
        reason: expect.stringContaining(`invalid parameter '${param}'`),
      });
    }
  });

  it("404 for another tenant, never saying it exists, recorded as denied with that tenant and the target", async () => {
    const res = await call(operator, `/x?tenantId=${tenantB.id}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "not found" });
    expect(await lastEvent()).toMatchObject({
      outcome: "denied",
      actorId: operator.id,
      tenantId: tenantB.id,
      reason: expect.stringContaining("not in the caller's scope"),
      targets: [{ type: "thing", id: "mine-1" }],
    });
  });

  it("404 when the body finds nothing in the caller's tenants, recorded as denied", async () => {
    const res = await call(operator, `/x?tenantId=${tenantA.id}`, "theirs-9");
    expect(res.status).toBe(404);
    expect(await lastEvent()).toMatchObject({
      outcome: "denied",
      tenantId: tenantA.id,
      reason: "thing theirs-9 is not in the caller's tenants",
      targets: [{ type: "thing", id: "theirs-9" }],
    });
  });

  it("a refusal quoting a hostile value still records (control characters are never written to the log)", async () => {
    const { request, context } = get(`/x?tenantId=${tenantA.id}`, { thing: "mine" });
    const res = await runRoute(
      def,
      async (_i, ctx) => ctx.found<Response>(null, { type: "thing", id: "a\u0001b" }),
      request,
      context,
      env(operator),
    );
    expect(res.status).toBe(404);
    expect(await lastEvent()).toMatchObject({ reason: "thing a?b is not in the caller's tenants" });
  });

  it("a stream whose first chunk fails is an error before any status, never a 200 cut off", async () => {
    const failing = new ReadableStream({
      pull() {
        throw new Error("relation does not exist");
      },
    });
    const { request, context } = get(`/x?tenantId=${tenantA.id}`, { thing: "mine" });
    await expect(runRoute(def, async () => new Response(failing), request, context, env(operator))).rejects.toThrow(
      "relation does not exist",
    );
    // One that works streams everything, its first chunk included.
    const chunks = ["a,b\r\n", "1,2\r\n", "3,4\r\n"];
    const ok = new ReadableStream({
      pull(c) {
        const n = chunks.shift();
        if (n) c.enqueue(new TextEncoder().encode(n));
        else c.close();
      },
    });
    const res = await runRoute(
      def,
      async () => new Response(ok, { headers: { "content-type": "text/csv" } }),
      request,
      context,
      env(operator),
    );
    expect(res.headers.get("content-type")).toBe("text/csv");
    expect(await res.text()).toBe("a,b\r\n1,2\r\n3,4\r\n");
  });

  it("a global route checks no tenant but still the session and permission", async () => {
    const global: RouteDef<NoFields, NoFields> = {
      name: "test.global_read" as AuditAction,
      perm: "console.read",
      tenant: "global",
    };
    const { request, context } = get("/g");
    expect(
      (
        await runRoute(
          global,
          async (_i, ctx) => Response.json({ tenantId: ctx.tenantId }),
          request,
          context,
          env(viewer),
        )
      ).status,
    ).toBe(200);
    expect((await runRoute(global, async () => Response.json({}), request, context, env(null))).status).toBe(401);
  });
});
