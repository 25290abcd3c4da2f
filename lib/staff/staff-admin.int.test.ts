import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import { actAs } from "../../test/session-as";
import { auditScope } from "../audit/scope";
import { loadStaff, type Staff } from "../auth/staff";
import { verifyPassword } from "../crypto/password";
import { staffInSight } from "./queries";

// The actions run as whoever `as()` signed in, against this test's database, called directly as a browser could.
vi.mock("../auth/session", () => import("../../test/session-as"));
const actions = () => import("./actions");
const tenantActions = () => import("../tenants/actions");

let t: TestDatabase;
let a: { id: string };
let b: { id: string };
let owner: Staff; // admin with every tenant
let scopedAdmin: Staff; // admin of tenant A only
let operatorA: Staff;
let operatorB: Staff;

let actor: Staff | null = null;
const as = async (staff: Staff) => {
  actor = await loadStaff(t.db, staff.id);
  actAs(actor);
};
const lastEvent = () => t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
const row = (id: string) => t.db.staffUser.findUniqueOrThrow({ where: { id }, include: { tenants: true } });

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  a = await makeTenant(t.db, "Tenant A");
  b = await makeTenant(t.db, "Tenant B");
  owner = await makeStaff(t.db, { role: "admin", tenantIds: [a.id, b.id] });
  scopedAdmin = await makeStaff(t.db, { role: "admin", tenantIds: [a.id] });
  operatorA = await makeStaff(t.db, { role: "operator", tenantIds: [a.id] });
  operatorB = await makeStaff(t.db, { role: "operator", tenantIds: [b.id] });
});
afterAll(() => t.drop());

describe("a tenant-scoped admin", () => {
  it("sees only staff whose tenants are all its own", async () => {
    await as(scopedAdmin);
    const seen = (await staffInSight(t.db, actor!)).map((s) => s.id);
    expect(seen).toContain(operatorA.id);
    expect(seen).toContain(scopedAdmin.id);
    expect(seen).not.toContain(owner.id);
    expect(seen).not.toContain(operatorB.id);
  });

  it("cannot reset the password of an admin with every tenant: no password, denied and audited", async () => {
    await as(scopedAdmin);
    const before = await row(owner.id);
    const res = await (await actions()).resetStaffPassword({ staffId: owner.id });
    expect(res).toEqual({ ok: false, error: "There is no such staff user." });
    expect(JSON.stringify(res)).not.toMatch(/generatedPassword/);
    const after = await row(owner.id);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
    expect(await lastEvent()).toMatchObject({
      action: "staff.password_reset",
      outcome: "denied",
      actorId: scopedAdmin.id,
      reason: expect.stringMatching(/outside the caller's/),
    });
  });

  it("cannot promote, disable or retenant staff of another tenant", async () => {
    await as(scopedAdmin);
    const { updateStaff } = await actions();
    expect(await updateStaff({ staffId: operatorB.id, name: "x", role: "admin", tenantIds: [a.id] })).toMatchObject({
      ok: false,
    });
    expect(
      await updateStaff({ staffId: owner.id, name: "x", role: "viewer", tenantIds: [a.id], disabled: true }),
    ).toMatchObject({ ok: false });
    expect(await lastEvent()).toMatchObject({ action: "staff.updated", outcome: "denied" });
    expect(await row(operatorB.id)).toMatchObject({ role: "operator", name: operatorB.name });
    expect(await row(owner.id)).toMatchObject({ role: "admin", disabled: false });
  });

  it("cannot make an admin, nor change another admin of its own tenant", async () => {
    await as(scopedAdmin);
    const { createStaff, updateStaff } = await actions();
    expect(
      await updateStaff({ staffId: operatorA.id, name: operatorA.name, role: "admin", tenantIds: [a.id] }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/every tenant/) });
    expect(
      await createStaff({ email: "new-admin@example.com", name: "New", role: "admin", tenantIds: [a.id] }),
    ).toMatchObject({ ok: false });
    expect(await lastEvent()).toMatchObject({
      action: "staff.created",
      outcome: "denied",
      reason: expect.stringMatching(/every tenant may make an admin/),
    });
    const peer = await makeStaff(t.db, { role: "admin", tenantIds: [a.id] });
    expect(
      await updateStaff({ staffId: peer.id, name: "renamed", role: "admin", tenantIds: [a.id], disabled: true }),
    ).toMatchObject({ ok: false });
    expect(await row(peer.id)).toMatchObject({ disabled: false });
  });

  it("cannot grant a tenant it does not have", async () => {
    await as(scopedAdmin);
    const { createStaff, updateStaff } = await actions();
    expect(
      await createStaff({ email: "grant@example.com", name: "G", role: "viewer", tenantIds: [a.id, b.id] }),
    ).toMatchObject({ ok: false });
    expect(
      await updateStaff({ staffId: operatorA.id, name: operatorA.name, role: "operator", tenantIds: [a.id, b.id] }),
    ).toMatchObject({ ok: false });
    expect((await row(operatorA.id)).tenants.map((x) => x.tenantId)).toEqual([a.id]);
    expect(await lastEvent()).toMatchObject({ outcome: "denied", reason: expect.stringMatching(/does not have/) });
  });

  it("manages operators of its tenant, and may rename itself", async () => {
    await as(scopedAdmin);
    const { resetStaffPassword, updateStaff } = await actions();
    expect(
      await updateStaff({ staffId: operatorA.id, name: "Operator A", role: "viewer", tenantIds: [a.id] }),
    ).toMatchObject({ ok: true });
    const reset = await resetStaffPassword({ staffId: operatorA.id });
    expect(reset).toMatchObject({ ok: true, data: { generatedPassword: expect.any(String) } });
    expect(
      await updateStaff({ staffId: scopedAdmin.id, name: "Scoped Admin", role: "admin", tenantIds: [a.id] }),
    ).toMatchObject({ ok: true });
  });

  it("cannot create tenants or change the audit retention", async () => {
    await as(scopedAdmin);
    expect(await (await tenantActions()).createTenant({ name: "Sneaky" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/every tenant/),
    });
    expect(await t.db.tenant.findUnique({ where: { name: "Sneaky" } })).toBeNull();
    expect(await lastEvent()).toMatchObject({ action: "tenant.created", outcome: "denied" });
  });
});

describe("an admin with every tenant", () => {
  it("resets another admin's password: sessions end, and the event says so", async () => {
    await as(owner);
    const before = await row(scopedAdmin.id);
    const res = await (await actions()).resetStaffPassword({ staffId: scopedAdmin.id });
    expect(res.ok).toBe(true);
    const after = await row(scopedAdmin.id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(
      await verifyPassword((res as { data: { generatedPassword: string } }).data.generatedPassword, after.passwordHash),
    ).toBe(true);
    expect(await lastEvent()).toMatchObject({
      action: "staff.password_reset",
      outcome: "success",
      after: { passwordReset: true, sessionsSignedOut: true },
    });
  });

  it("creates a tenant that every admin with every tenant is given, so they keep every tenant", async () => {
    const second = await makeStaff(t.db, { role: "admin", tenantIds: [a.id, b.id] });
    await as(owner);
    const res = await (await tenantActions()).createTenant({ name: "Tenant C" });
    expect(res.ok).toBe(true);
    expect((await loadStaff(t.db, second.id))!.allTenants).toBe(true);
    expect((await loadStaff(t.db, owner.id))!.allTenants).toBe(true);
    expect((await loadStaff(t.db, scopedAdmin.id))!.allTenants).toBe(false);
  });

  it("can never disable or demote the last active admin with every tenant", async () => {
    await t.db.staffUser.updateMany({ where: { role: "admin", id: { not: owner.id } }, data: { disabled: true } });
    const tenants = (await t.db.tenant.findMany()).map((x) => x.id);
    const { updateStaff } = await actions();

    // Alone, it may not give up a tenant (it would no longer hold every one), nor disable itself.
    await as(owner);
    expect(await updateStaff({ staffId: owner.id, name: owner.name, role: "admin", tenantIds: [a.id] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no active admin with every tenant/),
    });
    expect(await lastEvent()).toMatchObject({
      action: "staff.updated",
      outcome: "denied",
      reason: "would remove the last active all-tenant admin",
    });
    expect((await loadStaff(t.db, owner.id))!.allTenants).toBe(true);
    expect(
      await updateStaff({ staffId: owner.id, name: owner.name, role: "admin", tenantIds: tenants, disabled: true }),
    ).toMatchObject({ ok: false });

    // Two of them demoting each other at once: the first wins, the second (still holding its
    // session from before) would leave none, and is refused.
    const deputy = await makeStaff(t.db, { role: "admin", tenantIds: tenants });
    const ownerSession = (await loadStaff(t.db, owner.id))!;
    await as(deputy);
    expect(
      await updateStaff({ staffId: owner.id, name: owner.name, role: "operator", tenantIds: tenants }),
    ).toMatchObject({ ok: true });
    actAs(ownerSession);
    expect(
      await updateStaff({ staffId: deputy.id, name: deputy.name, role: "operator", tenantIds: tenants }),
    ).toMatchObject({ ok: false });
    expect(await row(deputy.id)).toMatchObject({ role: "admin", disabled: false });
  });
});

describe("the audit log of staff changes", () => {
  it("is read in full by an admin with every tenant; a tenant-scoped admin reads only its own", async () => {
    const tenantless = { tenantId: null, action: { startsWith: "staff." } };
    const scoped = await t.db.auditEvent.findMany({ where: { AND: [tenantless, auditScope(scopedAdmin)] } });
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.every((e) => e.actorId === scopedAdmin.id)).toBe(true);
    const everyTenant = await makeStaff(t.db, {
      role: "admin",
      tenantIds: (await t.db.tenant.findMany()).map((x) => x.id),
    });
    const all = await t.db.auditEvent.findMany({ where: { AND: [tenantless, auditScope(everyTenant)] } });
    expect(all.length).toBeGreaterThan(scoped.length);
  });
});
