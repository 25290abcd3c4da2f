import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import type { Staff } from "../auth/staff";
import { linkPeople, viaPrisma } from "../sync/link-people";
import { type AuditFilter, auditWhere } from "./filter";
import { personTargets } from "./person-targets";
import { recordAudit } from "./record";

// "Audit events about this person": every event naming any of the person's
// accounts, devices or addresses, whichever vendor's id the event carries.

let t: TestDatabase;
let tenantId: string;
let other: string;
let admin: Staff;
let outsider: Staff;
let personId: string;
let n = 0;
const row = () => ({ vendorId: `v${++n}`, hash: "h", raw: {} });

async function event(targets: { type: string; id: string }[], tenant = tenantId) {
  const { id } = await recordAudit(t.db, {
    action: "sync.requested",
    actor: null,
    tenantId: tenant,
    outcome: "success",
    targets,
  });
  return id;
}

async function found(staff: Staff, f: AuditFilter) {
  const person = f.person ? await personTargets(t.db, staff, f.person) : null;
  const rows = await t.db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM "AuditEvent" WHERE ${auditWhere(staff, f, person)} ORDER BY seq`;
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  t = await createTestDatabase();
  tenantId = (await makeTenant(t.db, "Northwind")).id;
  other = (await makeTenant(t.db, "Contoso")).id;
  admin = await makeStaff(t.db, { role: "admin", tenantIds: [tenantId, other] });
  outsider = await makeStaff(t.db, { role: "admin", tenantIds: [other] });
  const e = "carol@northwind.example";
  await t.db.trugridUser.create({ data: { ...row(), tenantId, upn: "Carol@Northwind.example", emailNorm: e } });
  await t.db.twingateUser.create({
    data: { ...row(), vendorId: "VXNlcjo5", tenantId, email: e, emailNorm: e, state: "ACTIVE" },
  });
  await t.db.jumpcloudUser.create({
    data: {
      ...row(),
      vendorId: "64f0c0ffee0000000000abcd",
      tenantId,
      username: "carol",
      email: "c.king@northwind.example",
      emailNorm: "c.king@northwind.example",
      raw: { alternateEmail: e },
      deletedAt: new Date(),
    },
  });
  await t.db.twingateDevice.create({
    data: { ...row(), vendorId: "RGV2aWNlOjc=", tenantId, userEmailNorm: e, activeState: "BLOCKED", isTrusted: false },
  });
  await t.db.truuDevice.create({ data: { ...row(), vendorId: "truu-dev-1", tenantId, userEmailNorm: e } });
  // Someone else, with a similar address.
  await t.db.twingateUser.create({
    data: {
      ...row(),
      vendorId: "VXNlcjox",
      tenantId,
      email: "carolyn@northwind.example",
      emailNorm: "carolyn@northwind.example",
      state: "ACTIVE",
    },
  });
  // The JumpCloud user is deleted: linked while it was live, its events still name the person.
  await t.db.jumpcloudUser.updateMany({ where: { tenantId }, data: { deletedAt: null } });
  await linkPeople(viaPrisma(t.db), tenantId);
  await t.db.jumpcloudUser.updateMany({ where: { tenantId }, data: { deletedAt: new Date() } });
  personId = (await t.db.personKey.findUniqueOrThrow({ where: { tenantId_key: { tenantId, key: e } } })).personId;
});
afterAll(() => t?.drop());

describe("audit events about a person", () => {
  it("finds events naming any of their accounts, devices or addresses in any vendor, and no one else's", async () => {
    const mine = [
      await event([{ type: "person", id: "carol@northwind.example" }]),
      await event([{ type: "trugrid_user", id: "Carol@Northwind.example" }]),
      await event([{ type: "twingate_user", id: "VXNlcjo5" }]),
      await event([
        { type: "twingate_group", id: "R3JvdXA6MQ==" },
        { type: "twingate_device", id: "RGV2aWNlOjc=" },
      ]),
      await event([{ type: "jumpcloud_user", id: "64f0c0ffee0000000000abcd" }]),
      await event([{ type: "truu_device", id: "truu-dev-1" }]),
    ];
    await event([{ type: "twingate_user", id: "VXNlcjox" }]);
    await event([{ type: "person", id: "carolyn@northwind.example" }]);
    // The same id in another tenant is not about this person.
    await event([{ type: "twingate_user", id: "VXNlcjo5" }], other);

    expect(await found(admin, { person: personId })).toEqual(mine);
    // Combined with the other filters as any filter is.
    expect(await found(admin, { person: personId, q: "nothing-matches-this" })).toEqual([]);
    expect((await personTargets(t.db, admin, personId))?.ids).toEqual(
      expect.arrayContaining(["carol@northwind.example", "c.king@northwind.example", "RGV2aWNlOjc="]),
    );
  });

  it("a person of a tenant out of the staff member's scope matches nothing", async () => {
    expect(await personTargets(t.db, outsider, personId)).toBeNull();
    expect(await found(outsider, { person: personId })).toEqual([]);
    expect(await found(admin, { person: "no-such-person" })).toEqual([]);
  });
});
