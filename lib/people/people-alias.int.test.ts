import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import { runAction } from "../actions/run-action";
import type { Staff } from "../auth/staff";
import { planOffboarding } from "../offboarding/plan";
import { linkPeople, viaPrisma } from "../sync/link-people";
import { saveDomainAliasesBody, saveDomainAliasesDef } from "./domain-aliases";
import { listPeople } from "./list-people";
import { findPeople, loadPersonView, type PersonView } from "./person-view";

// One employee under four spellings: case (TruU), a domain alias (Twingate's
// onmicrosoft UPN) and a vendor-known alternate address (JumpCloud).

let t: TestDatabase;
let tenantId: string;
let admin: Staff;
let operator: Staff;
let viewer: Staff;
let n = 0;

const env = (staff: Staff) => ({
  db: t.db,
  staff: async () => staff,
  meta: async () => ({ ip: "203.0.113.7", userAgent: "vitest" }),
});
const save = (staff: Staff, aliases: string) =>
  runAction(saveDomainAliasesDef, saveDomainAliasesBody, { tenantId, aliases }, env(staff));
const link = () => linkPeople(viaPrisma(t.db), tenantId);
const state = { page: 1, size: 50 as const, sort: "email" as const, dir: "asc" as const, q: "", hidden: [] };
const list = (q = "") => listPeople(t.db, tenantId, { ...state, q }, {});
const row = () => ({ vendorId: `v${++n}`, hash: "h", raw: {} });

async function personOf(email: string) {
  const key = await t.db.personKey.findUniqueOrThrow({ where: { tenantId_key: { tenantId, key: email } } });
  return key.personId;
}

beforeAll(async () => {
  t = await createTestDatabase();
  tenantId = (await makeTenant(t.db, "Northwind")).id;
  admin = await makeStaff(t.db, { role: "admin", tenantIds: [tenantId] });
  operator = await makeStaff(t.db, { role: "operator", tenantIds: [tenantId] });
  viewer = await makeStaff(t.db, { role: "viewer", tenantIds: [tenantId] });
  await t.db.trugridUser.create({
    data: { ...row(), tenantId, upn: "Alice@Northwind.example", emailNorm: "alice@northwind.example" },
  });
  await t.db.twingateUser.create({
    data: {
      ...row(),
      tenantId,
      email: "alice@northwind.onmicrosoft.com",
      emailNorm: "alice@northwind.onmicrosoft.com",
      state: "ACTIVE",
      firstName: "Alice",
      lastName: "Smith",
    },
  });
  await t.db.jumpcloudUser.create({
    data: {
      ...row(),
      tenantId,
      username: "alice.smith",
      email: "alice.smith@northwind.example",
      emailNorm: "alice.smith@northwind.example",
      raw: { _id: "jc1", email: "alice.smith@northwind.example", alternateEmail: "Alice@Northwind.example" },
    },
  });
  await t.db.truuUser.create({
    data: {
      ...row(),
      tenantId,
      upn: "ALICE@NORTHWIND.EXAMPLE",
      email: "ALICE@NORTHWIND.EXAMPLE",
      emailNorm: "alice@northwind.example",
      displayName: "Alice Smith",
    },
  });
  await t.db.truuDevice.create({ data: { ...row(), tenantId, userEmailNorm: "alice@northwind.example" } });
  await t.db.twingateDevice.create({
    data: {
      ...row(),
      tenantId,
      userEmailNorm: "alice@northwind.onmicrosoft.com",
      activeState: "ACTIVE",
      isTrusted: false,
    },
  });
  await t.db.twingateUser.create({
    data: { ...row(), tenantId, email: "alice@other.example", emailNorm: "alice@other.example", state: "ACTIVE" },
  });
});
afterAll(() => t?.drop());

describe("linking one person across vendors", () => {
  it(
    "without a domain alias: case and JumpCloud's alternate address link, " + "the onmicrosoft UPN stays apart",
    async () => {
      expect(await link()).toBeGreaterThan(0);
      const alice = await personOf("alice@northwind.example");
      expect(await personOf("alice.smith@northwind.example")).toBe(alice);
      expect(await personOf("alice@northwind.onmicrosoft.com")).not.toBe(alice);
      expect(await link()).toBe(0);
    },
  );

  it("an operator or a viewer cannot change the alias list: refused, nothing saved, denied events", async () => {
    for (const staff of [viewer, operator]) {
      const res = await save(staff, "northwind.onmicrosoft.com = northwind.example");
      expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/may not do this/) });
      expect(
        await t.db.auditEvent.findFirstOrThrow({ where: { actorId: staff.id }, orderBy: { seq: "desc" } }),
      ).toMatchObject({ action: "tenant.domain_aliases_saved", outcome: "denied" });
    }
    expect(await t.db.tenantDomainAlias.count()).toBe(0);
  });

  it("refuses an invalid list with the field's error", async () => {
    const res = await save(admin, "northwind.onmicrosoft.com = northwind.onmicrosoft.com\nnot a domain");
    expect(res).toMatchObject({
      ok: false,
      fieldErrors: { aliases: expect.arrayContaining([expect.stringMatching(/alias of itself|Not a domain/)]) },
    });
  });

  it(
    "an admin's domain alias links all four vendors on one person, the older one, " + "and the merged id redirects",
    async () => {
      const first = await personOf("alice@northwind.example");
      const onms = await personOf("alice@northwind.onmicrosoft.com");
      // The Twingate person was known first: its id is the one kept.
      await t.db.person.update({ where: { id: onms }, data: { createdAt: new Date("2020-01-01T00:00:00Z") } });
      const older = onms;
      const res = await save(admin, "Northwind.onmicrosoft.com = northwind.example");
      expect(res).toMatchObject({ ok: true, data: { aliases: 1 } });
      expect(
        await t.db.auditEvent.findFirstOrThrow({
          where: { action: "tenant.domain_aliases_saved", outcome: "success" },
        }),
      ).toMatchObject({
        actorId: admin.id,
        before: { aliases: [] },
        after: { aliases: [{ domain: "northwind.onmicrosoft.com", canonical: "northwind.example" }] },
      });
      expect(await link()).toBe(0);
      for (const k of ["alice@northwind.example", "alice.smith@northwind.example", "alice@northwind.onmicrosoft.com"])
        expect(await personOf(k)).toBe(older);

      const view = (await loadPersonView(t.db, [tenantId], older)) as PersonView;
      expect(view.mergedInto).toBeNull();
      expect(view.trugrid?.user.upn).toBe("Alice@Northwind.example");
      expect(view.truu.users).toHaveLength(1);
      expect(view.twingate.users.map((u) => u.email)).toEqual(["alice@northwind.onmicrosoft.com"]);
      expect(view.jumpcloud.users.map((u) => u.username)).toEqual(["alice.smith"]);
      expect(view.truu.devices).toHaveLength(1);
      expect(view.twingate.devices).toHaveLength(1);
      expect(await loadPersonView(t.db, [tenantId], first)).toEqual({ mergedInto: older });

      const { rows, total } = await list("alice");
      expect(total).toBe(2);
      expect(rows.find((r) => r.id === older)).toMatchObject({
        trugrid: true,
        truu: true,
        twingate: true,
        jumpcloud: true,
        truuDevices: 1,
        twingateDevices: 1,
      });
      expect(rows.find((r) => r.id !== older)).toMatchObject({
        emailNorm: "alice@other.example",
        trugrid: false,
        twingate: true,
        jumpcloud: false,
      });

      const found = await findPeople(t.db, [tenantId], "onmicrosoft");
      expect(found.map((p) => p.id)).toEqual([older]);
    },
  );

  it("the offboarding plan finds every vendor account through any of the person's addresses", async () => {
    const plan = await planOffboarding(t.db, {
      tenantId,
      staffId: admin.id,
      fileName: "x.csv",
      people: [{ line: 1, value: "alice@northwind.onmicrosoft.com" }],
    });
    expect(plan.ok).toBe(true);
    const rows = await t.db.bulkRow.findMany({ where: { job: { tenantId } }, select: { input: true } });
    const text = JSON.stringify(rows.map((r) => r.input));
    expect(text).toContain("alice.smith@northwind.example");
    expect(text).toContain("Alice@Northwind.example");
  });

  it("removing the alias re-links: the merged person comes back under its old id", async () => {
    const onms = (
      await t.db.person.findFirstOrThrow({ where: { tenantId, emailNorm: "alice@northwind.onmicrosoft.com" } })
    ).id;
    const older = (
      await t.db.person.findFirstOrThrow({ where: { tenantId, emailNorm: "alice.smith@northwind.example" } })
    ).id;
    expect(await personOf("alice.smith@northwind.example")).toBe(onms);
    // Changed behind the action's back: the next linkPeople (every sync ends with one) re-links.
    await t.db.tenantDomainAlias.deleteMany({ where: { tenantId } });
    expect(await link()).toBeGreaterThan(0);
    expect(await personOf("alice@northwind.onmicrosoft.com")).toBe(onms);
    expect(await personOf("alice.smith@northwind.example")).toBe(older);
    expect((await t.db.person.findUniqueOrThrow({ where: { id: older } })).mergedIntoId).toBeNull();
    expect(await t.db.person.count({ where: { tenantId, mergedIntoId: { not: null } } })).toBe(1);
    const { rows, total } = await list("alice");
    expect(total).toBe(3);
    expect(rows.find((r) => r.id === older)).toMatchObject({
      trugrid: true,
      truu: true,
      twingate: false,
      jumpcloud: true,
      twingateDevices: 0,
    });
    expect(await link()).toBe(0);
  });
});

describe("a person's name", () => {
  it(
    "comes from the best vendor that names any of the person's users, follows a rename, " +
      "and finds the person by name",
    async () => {
      const bob = "bob.jones@northwind.example";
      // TruGrid syncs first and has no names.
      await t.db.trugridUser.create({
        data: { ...row(), tenantId, upn: "Bob.Jones@Northwind.example", emailNorm: bob },
      });
      await link();
      const id = await personOf(bob);
      const nameOf = async () => (await t.db.person.findUniqueOrThrow({ where: { id } })).displayName;
      expect(await nameOf()).toBeNull();

      // Twingate names him; then JumpCloud, whose directory name is preferred, under his alternate address.
      await t.db.twingateUser.create({
        data: { ...row(), tenantId, email: bob, emailNorm: bob, state: "ACTIVE", firstName: "Bob", lastName: "Jones" },
      });
      expect(await link()).toBeGreaterThan(0);
      expect(await nameOf()).toBe("Bob Jones");
      const jc = await t.db.jumpcloudUser.create({
        data: {
          ...row(),
          tenantId,
          username: "rjones",
          email: "rjones@northwind.example",
          emailNorm: "rjones@northwind.example",
          firstname: "Robert",
          lastname: "Jones",
          raw: { alternateEmail: bob },
        },
      });
      await link();
      expect(await personOf("rjones@northwind.example")).toBe(id);
      expect(await nameOf()).toBe("Robert Jones");
      expect(await link()).toBe(0);

      expect((await findPeople(t.db, [tenantId], "robert jo")).map((p) => p.id)).toEqual([id]);
      expect((await list("Robert")).rows.map((r) => r.id)).toEqual([id]);

      // A rename at the vendor follows; the vendor gone, the next best name is taken.
      await t.db.jumpcloudUser.update({ where: { id: jc.id }, data: { displayname: "Rob Jones" } });
      await link();
      expect(await nameOf()).toBe("Rob Jones");
      await t.db.jumpcloudUser.update({ where: { id: jc.id }, data: { deletedAt: new Date() } });
      await link();
      expect(await nameOf()).toBe("Bob Jones");
    },
  );
});
