import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeTwoTenants } from "../../test/factories";
import type { Staff, TenantSummary } from "../auth/staff";

// The route modules as Next runs them, with the session of the staff member
// under test and this test's database as the app's.
let actor: Staff | null = null;
let headerTenant: TenantSummary | null = null;
vi.mock("../auth/session", () => ({
  currentStaff: async () => actor,
  requestMeta: async () => ({ ip: "198.51.100.23", userAgent: "vitest" }),
}));
vi.mock("../tenants/scope", () => ({ currentTenant: async () => headerTenant }));

let t: TestDatabase;
let tenantA: TenantSummary;
let tenantB: TenantSummary;
let operatorA: Staff;
let viewerA: Staff;
let jobA: string;
let jobB: string;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  ({ tenantA, tenantB, operator: operatorA, viewer: viewerA } = await makeTwoTenants(t.db, "Routes"));
  const job = (tenantId: string) =>
    t.db.bulkJob.create({
      data: { tenantId, operation: "trugrid.mfa.turned_off", fileName: "people.csv", createdById: operatorA.id },
    });
  jobA = (await job(tenantA.id)).id;
  jobB = (await job(tenantB.id)).id;
});
afterAll(() => t.drop());

const call = async (
  handler: (r: Request, c: { params?: Promise<Record<string, string>> }) => Promise<Response>,
  url: string,
  params: Record<string, string> = {},
) => handler(new Request(`http://console.test${url}`), { params: Promise.resolve(params) });
const lastEvent = () => t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });

describe("route handlers under route()", () => {
  it("bulk progress and results: another tenant's job id is 404 and a denied event naming the job", async () => {
    actor = operatorA;
    const progress = (await import("../../app/api/bulk/[jobId]/progress/route")).GET;
    const results = (await import("../../app/api/bulk/[jobId]/results/route")).GET;
    expect((await call(progress, `/api/bulk/${jobA}/progress`, { jobId: jobA })).status).toBe(200);

    for (const [handler, name] of [
      [progress, "bulk.progress_read"],
      [results, "bulk.results_downloaded"],
    ] as const) {
      const res = await call(handler, `/api/bulk/${jobB}/x`, { jobId: jobB });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: "not found" });
      expect(await lastEvent()).toMatchObject({
        action: name,
        outcome: "denied",
        actorId: operatorA.id,
        tenantId: tenantB.id,
        ip: "198.51.100.23",
        targets: [{ type: "bulk_job", id: jobB }],
        reason: expect.stringContaining("not in the caller's scope"),
      });
    }
    // No such job: the same answer, also recorded.
    expect((await call(progress, "/api/bulk/nope/progress", { jobId: "nope" })).status).toBe(404);
    expect(await lastEvent()).toMatchObject({ outcome: "denied", targets: [{ type: "bulk_job", id: "nope" }] });
    // A hostile id is a 400 that names it, not a 500 from Postgres.
    expect((await call(progress, "/api/bulk/x/progress", { jobId: "a\u0000b" })).status).toBe(400);
    expect((await call(results, `/api/bulk/${jobA}/results?only=everything`, { jobId: jobA })).status).toBe(400);
  });

  it("bulk results stream the job's CSV with the header", async () => {
    actor = operatorA;
    const results = (await import("../../app/api/bulk/[jobId]/results/route")).GET;
    const res = await call(results, `/api/bulk/${jobA}/results?only=failed`, { jobId: jobA });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^userPrincipalName|#reason/);
  });

  it(
    "sync runs and the TruU export: another tenant is 404 and denied; " +
      "a missing or hostile parameter is a 400 naming it",
    async () => {
      actor = viewerA;
      const runs = (await import("../../app/api/sync/runs/route")).GET;
      const exportDevices = (await import("../../app/api/truu/devices/export/route")).GET;
      expect((await call(runs, `/api/sync/runs?tenantId=${tenantA.id}`)).status).toBe(200);
      expect((await call(runs, `/api/sync/runs?tenantId=${tenantB.id}`)).status).toBe(404);
      expect(await lastEvent()).toMatchObject({ action: "sync.runs_read", outcome: "denied", tenantId: tenantB.id });
      expect(await (await call(runs, "/api/sync/runs")).json()).toMatchObject({ param: "tenantId" });

      expect((await call(exportDevices, `/api/truu/devices/export?tenantId=${tenantB.id}`)).status).toBe(404);
      expect(await lastEvent()).toMatchObject({
        action: "truu.device.exported",
        outcome: "denied",
        tenantId: tenantB.id,
      });
      for (const [qs, param] of [
        ["q=a%00b", "q"],
        ["sort=%22id%22", "sort"],
        ["page=99999999999999999999999999", "page"],
        ["stale=5", "stale"],
        ["type=a%00", "type"],
      ]) {
        const res = await call(exportDevices, `/api/truu/devices/export?tenantId=${tenantA.id}&${qs}`);
        expect(res.status, qs).toBe(400);
        expect(await res.json()).toMatchObject({ param });
      }
      const ok = await call(exportDevices, `/api/truu/devices/export?tenantId=${tenantA.id}&q=alice`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain("deviceId,deviceName");
    },
  );

  it(
    "the People export streams the table's filtered rows with the vendors that know each person, " +
      "a formula neutralised; another tenant is 404 and denied; a hostile filter is a 400",
    async () => {
      actor = viewerA;
      const { linkPeople, viaPrisma } = await import("../sync/link-people");
      const base = { hash: "h", raw: {} };
      await t.db.trugridUser.create({
        data: {
          ...base,
          vendorId: "tg1",
          tenantId: tenantA.id,
          upn: "ann@routes.example",
          emailNorm: "ann@routes.example",
        },
      });
      await t.db.jumpcloudUser.create({
        data: {
          ...base,
          vendorId: "jc1",
          tenantId: tenantA.id,
          username: "ann",
          email: "ann@routes.example",
          emailNorm: "ann@routes.example",
          displayname: "=HYPERLINK(1)",
        },
      });
      await t.db.trugridUser.create({
        data: {
          ...base,
          vendorId: "tg2",
          tenantId: tenantA.id,
          upn: "bo@routes.example",
          emailNorm: "bo@routes.example",
        },
      });
      await linkPeople(viaPrisma(t.db), tenantA.id);
      const exportPeople = (await import("../../app/api/people/export/route")).GET;
      const ok = await call(exportPeople, `/api/people/export?tenantId=${tenantA.id}&only=jumpcloud&sort=email`);
      expect(ok.status).toBe(200);
      expect((await ok.text()).trim().split("\r\n")).toEqual([
        "email,name,trugrid,truu,twingate,jumpcloud,truuDevices,twingateDevices",
        "ann@routes.example,'=HYPERLINK(1),yes,no,no,yes,0,0",
      ]);
      expect(await lastEvent()).toMatchObject({
        action: "people.exported",
        outcome: "success",
        after: { only: "jumpcloud" },
      });
      expect((await call(exportPeople, `/api/people/export?tenantId=${tenantB.id}`)).status).toBe(404);
      expect(await lastEvent()).toMatchObject({ action: "people.exported", outcome: "denied", tenantId: tenantB.id });
      const bad = await call(exportPeople, `/api/people/export?tenantId=${tenantA.id}&missing=nope`);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ param: "missing" });
    },
  );

  it("the Twingate users export reads every page of the table's own query, in its order and filters", async () => {
    actor = viewerA;
    const n = 205;
    await t.db.twingateUser.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        tenantId: tenantA.id,
        vendorId: `VXNlcjo${i}`,
        email: `user${String(i).padStart(3, "0")}@routes.example`,
        emailNorm: `user${String(i).padStart(3, "0")}@routes.example`,
        state: i % 5 === 0 ? "DISABLED" : "ACTIVE",
        type: "MANUAL",
        hash: "h",
        raw: {},
      })),
    });
    const exportUsers = (await import("../../app/api/twingate/users/export/route")).GET;
    const all = await call(exportUsers, `/api/twingate/users/export?tenantId=${tenantA.id}&sort=email&dir=desc`);
    expect(all.status).toBe(200);
    const lines = (await all.text()).trim().split("\r\n");
    expect(lines[0]).toBe("email,firstName,lastName,state,role,source,devices,created");
    expect(lines).toHaveLength(n + 1);
    expect(lines[1]).toMatch(/^user204@routes.example,/);
    expect(lines.at(-1)).toMatch(/^user000@routes.example,/);
    const disabled = await call(exportUsers, `/api/twingate/users/export?tenantId=${tenantA.id}&state=DISABLED`);
    expect((await disabled.text()).trim().split("\r\n")).toHaveLength(n / 5 + 1);
    expect(await lastEvent()).toMatchObject({ action: "twingate.user.exported", after: { state: "DISABLED" } });
    expect((await call(exportUsers, `/api/twingate/users/export?tenantId=${tenantB.id}`)).status).toBe(404);
  });

  it("the audit export refuses bad filters with a 400 before it records or streams anything", async () => {
    actor = viewerA;
    const exportAudit = (await import("../../app/api/audit/export/route")).GET;
    const exports = () => t.db.auditEvent.count({ where: { action: "audit.exported", outcome: "success" } });
    const before = await exports();
    for (const [qs, param] of [
      ["q=%00", "q"],
      ["from=-271821-04-20", "from"],
      ["to=%2B275760-09-13", "to"],
      ["before=99999999999999999999999999", "before"],
      ["after=-1", "after"],
      ["actor=a%00", "actor"],
      ["vendor=nope", "vendor"],
      ["format=xlsx", "format"],
      [`q=${"x".repeat(300)}`, "q"],
    ]) {
      const res = await call(exportAudit, `/api/audit/export?${qs}`);
      expect(res.status, qs).toBe(400);
      expect(await res.json()).toMatchObject({ param });
    }
    expect(await exports()).toBe(before);
    const ok = await call(exportAudit, "/api/audit/export?format=csv&from=2026-01-01&q=bulk");
    expect(ok.status).toBe(200);
    expect((await ok.text()).split("\r\n")[0]).toMatch(/^seq,id,at,/);
    expect(await exports()).toBe(before + 1);
  });

  it("people search, templates and the JumpCloud picker", async () => {
    actor = viewerA;
    const search = (await import("../../app/api/people/search/route")).GET;
    expect((await call(search, "/api/people/search?q=alice")).status).toBe(200);
    expect((await call(search, "/api/people/search?q=al%00ice")).status).toBe(400);

    const template = (await import("../../app/api/bulk/templates/[operation]/route")).GET;
    expect(
      (await call(template, "/api/bulk/templates/trugrid.mfa_off", { operation: "trugrid.mfa.turned_off" })).status,
    ).toBe(200);
    expect((await call(template, "/api/bulk/templates/nope", { operation: "nope" })).status).toBe(404);
    expect(await lastEvent()).toMatchObject({
      action: "bulk.template_downloaded",
      outcome: "denied",
      targets: [{ type: "bulk_operation", id: "nope" }],
    });

    const lookup = (await import("../../app/(console)/jumpcloud/lookup/route")).GET;
    headerTenant = tenantA;
    expect((await call(lookup, "/jumpcloud/lookup?kind=user&q=a")).status).toBe(200);
    expect((await call(lookup, "/jumpcloud/lookup?kind=planet")).status).toBe(400);
    headerTenant = null;
    expect((await call(lookup, "/jumpcloud/lookup?kind=user")).status).toBe(404);
    expect(await lastEvent()).toMatchObject({
      action: "jumpcloud.lookup_read",
      outcome: "denied",
      reason: "tenant (none) is not in the caller's scope",
    });

    actor = null;
    expect((await call(search, "/api/people/search?q=alice")).status).toBe(401);
    expect(await lastEvent()).toMatchObject({ action: "people.searched", outcome: "denied", reason: "not signed in" });
  });
});
