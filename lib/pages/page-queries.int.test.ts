import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeTwoTenants } from "../../test/factories";
import { lastAuditSeq } from "../audit/export";
import { relatedEvents } from "../audit/query";
import { recordAudit } from "../audit/record";
import { pendingStaffEmail } from "../auth/pending-sign-in";
import type { Staff, TenantSummary } from "../auth/staff";
import { bulkPageData, jobRowsPage } from "../bulk/page-queries";
import { peopleByEmail } from "../people/list-people";
import { tableState } from "../table/params";
import { tenantNames } from "../tenants/names";
import { allowListValues } from "../trugrid/allow-lists";
import { trugridUserCount } from "../trugrid/list-users";
import { trugridOverview } from "../trugrid/overview";
import { twingateOverview, twingateUserEmail } from "../twingate/queries";

// What the pages and route handlers read, each a query function in lib/ (app/ holds none: no-queries-in-app.test.ts).
let t: TestDatabase;
let tenantA: TenantSummary;
let tenantB: TenantSummary;
let operator: Staff;

const cached = { raw: {}, hash: "h" };
const gone = new Date("2026-01-01T00:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  ({ tenantA, tenantB, operator } = await makeTwoTenants(t.db, "Queries"));
});
afterAll(() => t.drop());

const trugridUser = (tenantId: string, upn: string, deletedAt: Date | null = null) =>
  t.db.trugridUser.create({ data: { tenantId, vendorId: upn, upn, emailNorm: upn, deletedAt, ...cached } });
const object = (tenantId: string, vendor: "trugrid" | "twingate", kind: string, name: string, more = {}) =>
  t.db.vendorObject.create({ data: { tenantId, vendor, kind, vendorId: `${kind}:${name}`, name, ...cached, ...more } });

describe("TruGrid pages' queries", () => {
  beforeAll(async () => {
    for (const upn of ["a@contoso.com", "b@contoso.com"]) await trugridUser(tenantA.id, upn);
    await trugridUser(tenantA.id, "left@contoso.com", gone);
    await trugridUser(tenantB.id, "a@fabrikam.com");
    await t.db.vendorEdge.create({
      data: {
        tenantId: tenantA.id,
        vendor: "trugrid",
        kind: "machine_association",
        vendorId: "e1",
        fromId: "a",
        toId: "m",
        ...cached,
      },
    });
    await t.db.trugridUserState.create({ data: { tenantId: tenantA.id, upn: "a@contoso.com", mfaOn: false } });
    await t.db.trugridUserState.create({ data: { tenantId: tenantA.id, upn: "b@contoso.com" } });
    await object(tenantA.id, "trugrid", "allowed_ip", "203.0.113.9", { syncedAt: new Date("2026-03-02T10:00:00Z") });
    await object(tenantA.id, "trugrid", "allowed_ip", "198.51.100.7", { syncedAt: new Date("2026-03-01T10:00:00Z") });
    await object(tenantA.id, "trugrid", "allowed_ip", "192.0.2.1", { deletedAt: gone });
    await object(tenantA.id, "trugrid", "external_dns", "rdp.contoso.com");
    await object(tenantB.id, "trugrid", "allowed_ip", "192.0.2.200");
  });

  it("counts the tenant's live cache, and the users the console set MFA or UDP for", async () => {
    expect(await trugridOverview(t.db, tenantA.id)).toEqual({
      users: 2,
      associations: 1,
      allowedIps: 2,
      externalDns: 1,
      usersWithState: 1,
    });
    expect(await trugridUserCount(t.db, tenantA.id)).toBe(2);
    expect(await trugridUserCount(t.db, tenantB.id)).toBe(1);
  });

  it("lists the allow-lists by name, and when they were last read", async () => {
    const values = await allowListValues(t.db, tenantA.id);
    expect(values.ips).toEqual(["198.51.100.7", "203.0.113.9"]);
    expect(values.dns).toEqual(["rdp.contoso.com"]);
    expect(values.readAt).toEqual(expect.any(Date));
    expect(values.readAt!.getTime()).toBeGreaterThanOrEqual(new Date("2026-03-02T10:00:00Z").getTime());
    expect(await allowListValues(t.db, "no-such-tenant")).toEqual({ ips: [], dns: [], readAt: null });
  });
});

describe("Twingate pages' queries", () => {
  it("counts users, devices and objects by kind, live and of the tenant only", async () => {
    const user = { state: "ACTIVE", ...cached };
    await t.db.twingateUser.create({
      data: { tenantId: tenantA.id, vendorId: "U1", email: "Ann@contoso.com", emailNorm: "ann@contoso.com", ...user },
    });
    await t.db.twingateUser.create({
      data: { tenantId: tenantA.id, vendorId: "U2", email: "x@contoso.com", emailNorm: "x", deletedAt: gone, ...user },
    });
    await t.db.twingateDevice.create({
      data: { tenantId: tenantA.id, vendorId: "D1", activeState: "ACTIVE", isTrusted: false, ...cached },
    });
    for (const name of ["Everyone", "Finance"]) await object(tenantA.id, "twingate", "group", name);
    await object(tenantA.id, "twingate", "resource", "Wiki");
    await object(tenantB.id, "twingate", "resource", "Other");
    const counts = await twingateOverview(t.db, tenantA.id);
    expect({ users: counts.users, devices: counts.devices, objects: Object.fromEntries(counts.objects) }).toEqual({
      users: 1,
      devices: 1,
      objects: { group: 2, resource: 1 },
    });
    expect(await twingateUserEmail(t.db, tenantA.id, "U1")).toBe("Ann@contoso.com");
    expect(await twingateUserEmail(t.db, tenantB.id, "U1")).toBeNull();
  });
});

describe("bulk pages' queries", () => {
  it("a job's rows by page and filter and how many are left to send; the tenant's vendors and jobs", async () => {
    const job = await t.db.bulkJob.create({
      data: { tenantId: tenantA.id, operation: "trugrid.mfa.turned_off", fileName: "f.csv", createdById: operator.id },
    });
    const rows = [
      { line: 2, plan: "update", status: "pending", input: { upn: "a@contoso.com" } },
      { line: 3, plan: "update", status: "failed", input: { upn: "b@contoso.com" }, vendorMessage: "User not found" },
      { line: 4, plan: "error", status: "skipped", input: { upn: "" }, planError: "UPN missing" },
      { line: 5, plan: "update", status: "pending", input: { upn: "c@contoso.com" } },
    ] as const;
    await t.db.bulkRow.createMany({ data: rows.map((r) => ({ jobId: job.id, ...r })) });
    const state = (q = "", page = 1, size: 10 | 25 = 25) =>
      tableState({ q, page, size, sort: "line" as const, dir: "asc" as const, hide: [] });
    const lines = async (...args: Parameters<typeof jobRowsPage>) => {
      const { rows, total, toSend } = await jobRowsPage(...args);
      return { lines: rows.map((r) => r.line), total, toSend };
    };
    expect(await lines(t.db, job.id, state(), {})).toEqual({ lines: [2, 3, 4, 5], total: 4, toSend: 2 });
    expect(await lines(t.db, job.id, state(), { status: "pending" })).toEqual({ lines: [2, 5], total: 2, toSend: 2 });
    expect(await lines(t.db, job.id, state(), { plan: "error" })).toEqual({ lines: [4], total: 1, toSend: 2 });
    expect(await lines(t.db, job.id, state("not found"), {})).toEqual({ lines: [3], total: 1, toSend: 2 });
    expect(await lines(t.db, job.id, state("", 2, 10), {})).toEqual({ lines: [], total: 4, toSend: 2 });

    await t.db.vendorConnection.create({
      data: {
        tenantId: tenantA.id,
        vendor: "truu",
        baseUrl: "https://truu.example",
        credentials: "x",
        credentialsHint: "-",
      },
    });
    const data = await bulkPageData(t.db, tenantA.id);
    expect([...data.connected]).toEqual(["truu"]);
    expect(data.jobs.map((j) => j.id)).toEqual([job.id]);
    expect((await bulkPageData(t.db, tenantB.id)).jobs).toEqual([]);
  });
});

describe("audit and sign-in queries", () => {
  it("related events: the same vendor call and its undo, in the reader's scope only", async () => {
    const actor = { id: operator.id, email: operator.email, name: operator.name };
    const correlationId = crypto.randomUUID();
    const intent = await recordAudit(t.db, {
      action: "trugrid.mfa.turned_off",
      actor,
      tenantId: tenantA.id,
      outcome: "pending",
      correlationId,
    });
    const outcome = await recordAudit(t.db, {
      action: "trugrid.mfa.turned_off",
      actor,
      tenantId: tenantA.id,
      outcome: "success",
      correlationId,
    });
    const undo = await recordAudit(t.db, {
      action: "trugrid.mfa.turned_on",
      actor,
      tenantId: tenantA.id,
      outcome: "success",
      targets: [{ type: "audit_event", id: outcome.id }],
    });
    // Another tenant's event on the same correlation id is not the reader's to see.
    await recordAudit(t.db, {
      action: "trugrid.mfa.turned_off",
      actor: null,
      tenantId: tenantB.id,
      outcome: "success",
      correlationId,
    });
    const event = await t.db.auditEvent.findUniqueOrThrow({ where: { id: outcome.id } });
    expect((await relatedEvents(t.db, operator, event)).map((e) => e.id)).toEqual([intent.id, undo.id]);
    const undone = await t.db.auditEvent.findUniqueOrThrow({ where: { id: undo.id } });
    expect((await relatedEvents(t.db, operator, undone)).map((e) => e.id)).toEqual([outcome.id]);
    expect(await lastAuditSeq(t.db)).toBe((await t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } })).seq);
  });

  it("people by address, tenant names, and the pending sign-in's email", async () => {
    const ann = await t.db.person.create({ data: { tenantId: tenantA.id, emailNorm: "ann@contoso.com" } });
    await t.db.person.create({ data: { tenantId: tenantB.id, emailNorm: "ann@contoso.com" } });
    expect(await peopleByEmail(t.db, tenantA.id, ["ann@contoso.com", "nobody@contoso.com"])).toEqual([
      { id: ann.id, emailNorm: ann.emailNorm },
    ]);
    expect(await peopleByEmail(t.db, tenantA.id, [])).toEqual([]);
    expect(await tenantNames(t.db, [tenantA.id, "no-such-tenant"])).toEqual(new Map([[tenantA.id, tenantA.name]]));
    expect(await pendingStaffEmail(t.db, operator.id)).toBe(operator.email);
    expect(await pendingStaffEmail(t.db, "gone")).toBeNull();
  });
});
