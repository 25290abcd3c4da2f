import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import { runAction } from "../actions/run-action";
import type { AuditAction } from "../audit/event-types";
import { loadStaff, type Staff } from "../auth/staff";
import { urlId } from "../params/fields";
import { type RouteContext, type RouteDef, runRoute } from "../routes/run-route";
import { createApiTokenBody, createApiTokenDef, revokeApiTokenBody, revokeApiTokenDef } from "./manage";
import { tokenPrincipal } from "./principal";
import { parseToken } from "./token";

let t: TestDatabase;
let a: { id: string };
let b: { id: string };
let adminAB: Staff;
let adminA: Staff;
let operatorA: Staff;

beforeAll(async () => {
  t = await createTestDatabase();
  a = await makeTenant(t.db, "Token A");
  b = await makeTenant(t.db, "Token B");
  adminAB = await makeStaff(t.db, { role: "admin", tenantIds: [a.id, b.id] });
  adminA = await makeStaff(t.db, { role: "admin", tenantIds: [a.id] });
  operatorA = await makeStaff(t.db, { role: "operator", tenantIds: [a.id] });
});
afterAll(() => t.drop());

const env = (staff: Staff | null) => ({
  db: t.db,
  staff: async () => staff,
  meta: async () => ({ ip: "198.51.100.20", userAgent: "vitest" }),
});
const lastEvent = () => t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });

async function create(staff: Staff, input: Record<string, unknown>) {
  return runAction(createApiTokenDef, createApiTokenBody, input, env(staff));
}
async function token(staff: Staff, input: Record<string, unknown>): Promise<string> {
  const res = await create(staff, { name: "Ticketing sync", expiresInDays: 30, ...input });
  if (!res.ok) throw new Error(res.error);
  return res.data.token;
}

// An operator route in a tenant named by the query, answering who called.
const Query = z.object({ tenantId: urlId() });
const route: RouteDef<z.ZodObject<Record<string, never>>, typeof Query> = {
  name: "test.token_read" as AuditAction,
  perm: "trugrid.user.write",
  query: Query,
  tenant: ({ query }) => query.tenantId,
};
const whoCalls = async (_: unknown, ctx: RouteContext) =>
  Response.json({ name: ctx.staff.name, role: ctx.staff.role, tenants: ctx.staff.tenantIds });
const call = (authorization: string | null, tenantId: string, session: Staff | null = null) =>
  runRoute(
    route,
    whoCalls,
    new Request(`http://console.test/x?tenantId=${tenantId}`, {
      headers: authorization === null ? {} : { authorization },
    }),
    undefined,
    env(session),
  );

describe("API tokens", () => {
  it("are created no wider than their creator, shown once and kept as a hash", async () => {
    const res = await create(adminA, {
      name: "Ticketing sync",
      role: "operator",
      tenantIds: [a.id],
      expiresInDays: 30,
    });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const parsed = parseToken(res.data.token)!;
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: parsed.id }, include: { tenants: true } });
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(parsed.secret);
    expect(row.tenants.map((x) => x.tenantId)).toEqual([a.id]);
    const event = await lastEvent();
    expect(event).toMatchObject({ action: "api_token.created", outcome: "success", actorId: adminA.id });
    expect(JSON.stringify({ ...event, seq: String(event.seq) })).not.toContain(parsed.secret);

    // Another tenant's grant, a role above the creator's, a year and more: refused.
    expect(await create(adminA, { name: "Wide", role: "viewer", tenantIds: [b.id], expiresInDays: 30 })).toMatchObject({
      ok: false,
    });
    expect(await lastEvent()).toMatchObject({ action: "api_token.created", outcome: "denied" });
    const up = await create(adminAB, { name: "Long", role: "viewer", tenantIds: [a.id], expiresInDays: 400 });
    expect(up).toMatchObject({ ok: false, fieldErrors: { expiresInDays: [expect.any(String)] } });
    expect(await create(operatorA, { name: "Op", role: "viewer", tenantIds: [a.id], expiresInDays: 3 })).toMatchObject({
      ok: false,
    });
    expect(await lastEvent()).toMatchObject({ outcome: "denied", reason: expect.stringMatching(/api_tokens.manage/) });
  });

  it("call a route as their owner, named in the log, with the token's tenants only", async () => {
    const text = await token(adminAB, { role: "operator", tenantIds: [a.id] });
    const res = await call(`Bearer ${text}`, a.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      name: `${adminAB.name} (API token "Ticketing sync")`,
      role: "operator",
      tenants: [a.id],
    });
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: parseToken(text)!.id } });
    expect(row).toMatchObject({ lastUsedAt: expect.any(Date), lastUsedIp: "198.51.100.20" });

    // The owner has tenant B; the token does not.
    expect((await call(`Bearer ${text}`, b.id)).status).toBe(404);
    expect(await lastEvent()).toMatchObject({
      outcome: "denied",
      tenantId: b.id,
      actorName: `${adminAB.name} (API token "Ticketing sync")`,
    });
  });

  it("never act with more than the owner has now", async () => {
    const owner = await makeStaff(t.db, { role: "admin", tenantIds: [a.id, b.id] });
    const text = await token(owner, { role: "admin", tenantIds: [a.id, b.id] });
    await t.db.staffUser.update({ where: { id: owner.id }, data: { role: "viewer" } });
    await t.db.staffTenant.deleteMany({ where: { staffId: owner.id, tenantId: b.id } });
    const check = await tokenPrincipal(t.db, text, null);
    expect(check).toMatchObject({ ok: true, staff: { role: "viewer", tenantIds: [a.id] } });
    // A viewer may not call an operator route.
    expect((await call(`Bearer ${text}`, a.id)).status).toBe(403);

    await t.db.staffUser.update({ where: { id: owner.id }, data: { disabled: true } });
    const res = await call(`Bearer ${text}`, a.id);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    expect(await lastEvent()).toMatchObject({ outcome: "denied", reason: expect.stringMatching(/disabled/) });
  });

  it("refuse a wrong secret, an unknown or malformed token and an expired one: 401 and a denied event", async () => {
    const text = await token(adminAB, { role: "operator", tenantIds: [a.id] });
    const { id, secret } = parseToken(text)!;
    const wrong = `hdc_${id}_${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`;
    for (const [header, reason] of [
      [`Bearer ${wrong}`, /wrong secret/],
      [`Bearer hdc_${"z".repeat(25)}_${secret}`, /unknown API token/],
      ["Bearer nonsense", /malformed/],
      ["Basic YWRtaW46YWRtaW4=", /not a bearer token/],
    ] as const) {
      const res = await call(header, a.id);
      expect(res.status, header).toBe(401);
      expect(await lastEvent()).toMatchObject({ outcome: "denied", reason: expect.stringMatching(reason) });
    }
    // A session beside a bad token does not let the request through: the header decides.
    expect((await call(`Bearer ${wrong}`, a.id, operatorA)).status).toBe(401);

    await t.db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(`Bearer ${text}`, a.id)).status).toBe(401);
    expect(await lastEvent()).toMatchObject({ reason: expect.stringMatching(/expired/) });
  });

  it("are revoked by their owner or an admin of their reach, and refused from then on", async () => {
    const text = await token(adminA, { role: "operator", tenantIds: [a.id] });
    const { id } = parseToken(text)!;
    expect((await call(`Bearer ${text}`, a.id)).status).toBe(200);

    // An admin of tenant A alone may not revoke a token of tenants A and B.
    const wide = parseToken(await token(adminAB, { role: "viewer", tenantIds: [a.id, b.id] }))!.id;
    expect(await runAction(revokeApiTokenDef, revokeApiTokenBody, { tokenId: wide }, env(adminA))).toEqual({
      ok: false,
      error: "Not found.",
    });
    expect(await lastEvent()).toMatchObject({ action: "api_token.revoked", outcome: "denied" });

    expect(await runAction(revokeApiTokenDef, revokeApiTokenBody, { tokenId: id }, env(adminAB))).toMatchObject({
      ok: true,
    });
    expect(await lastEvent()).toMatchObject({ action: "api_token.revoked", outcome: "success", actorId: adminAB.id });
    const res = await call(`Bearer ${text}`, a.id);
    expect(res.status).toBe(401);
    expect(await lastEvent()).toMatchObject({ reason: expect.stringMatching(/revoked/) });
    expect((await loadStaff(t.db, adminA.id))?.id).toBe(adminA.id);
  });
});
