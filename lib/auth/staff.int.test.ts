import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import { createPgPool } from "../db/pg-pool";
import { loadStaff, readStaff, tenantsReadWith } from "./staff";

let t: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  t = await createTestDatabase();
  pool = createPgPool(t.url, 1);
});
afterAll(async () => {
  await pool?.end();
  await t?.drop();
});

describe("readStaff (the per-request staff lookup)", () => {
  it("reads what loadStaff reads: role, session version and every tenant, or none", async () => {
    const [a, b] = [await makeTenant(t.db), await makeTenant(t.db)];
    const two = await makeStaff(t.db, { role: "operator", tenantIds: [a.id, b.id] });
    const none = await makeStaff(t.db, { role: "admin" });
    await t.db.staffUser.update({ where: { id: two.id }, data: { sessionVersion: 3 } });
    for (const id of [two.id, none.id]) {
      const raw = await readStaff(pool, id);
      const viaPrisma = await loadStaff(t.db, id);
      expect({ ...raw, tenantIds: [...raw!.tenantIds].sort() }).toEqual({
        ...viaPrisma,
        tenantIds: [...viaPrisma!.tenantIds].sort(),
      });
    }
    expect((await readStaff(pool, two.id))?.tenantIds.sort()).toEqual([a.id, b.id].sort());
    expect(await readStaff(pool, none.id)).toMatchObject({ role: "admin", tenantIds: [] });
  });

  it("reads the staff user's tenants by name in the same statement, as tenantsInScope lists them", async () => {
    const zed = await makeTenant(t.db, "Zed Ltd");
    const acme = await t.db.tenant.create({ data: { name: "Acme Corp", isDemo: true } });
    await makeTenant(t.db, "Not theirs");
    const s = await makeStaff(t.db, { role: "viewer", tenantIds: [zed.id, acme.id] });
    const staff = (await readStaff(pool, s.id))!;
    expect(tenantsReadWith.get(staff)).toEqual([
      { id: acme.id, name: "Acme Corp", isDemo: true, requireChangeReason: false },
      { id: zed.id, name: "Zed Ltd", isDemo: false, requireChangeReason: false },
    ]);
    const none = (await readStaff(pool, (await makeStaff(t.db, { role: "admin" })).id))!;
    expect(tenantsReadWith.get(none)).toEqual([]);
  });

  it("returns null for a disabled or unknown account", async () => {
    const s = await makeStaff(t.db, { role: "viewer" });
    await t.db.staffUser.update({ where: { id: s.id }, data: { disabled: true } });
    expect(await readStaff(pool, s.id)).toBeNull();
    expect(await readStaff(pool, "no-such-id")).toBeNull();
  });
});
