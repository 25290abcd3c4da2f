import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import type { Staff } from "../auth/staff";
import { trugridUserTarget } from "../trugrid/targets";
import type { AuditAction } from "./event-types";
import { type AuditFilter, auditWhere } from "./filter";
import { recordAudit } from "./record";

// Events keep the shape they were logged in. A TruGrid user was once named
// { type: "user", id: <lower-case UPN> } by bulk rows and { type:
// "trugrid_user", id: <the UPN as typed> } by the users page; both are now
// { type: "trugrid_user", id: <lower-case UPN>, label }. What looks events up
// by target (the log's target filter, which the person page links to with
// the person's lower-case address, and the search box) finds all three.

let t: TestDatabase;
let tenant: { id: string };
let admin: Staff;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await makeTenant(t.db, "Northwind");
  admin = await makeStaff(t.db, { role: "admin", tenantIds: [tenant.id] });
  const actor = { id: admin.id, email: admin.email, name: admin.name };
  const event = (action: AuditAction, targets: { type: string; id: string; label?: string }[]) =>
    recordAudit(t.db, { action, actor, tenantId: tenant.id, vendor: "trugrid", outcome: "success", targets }).then(
      (e) => e.id,
    );
  ids.formerBulk = await event("trugrid.mfa.turned_off", [
    { type: "user", id: "alice.smith@northwind.example", label: "Alice.Smith@Northwind.example" },
  ]);
  ids.formerPage = await event("trugrid.mfa.turned_on", [
    { type: "trugrid_user", id: "Alice.Smith@Northwind.example" },
  ]);
  ids.now = await event("trugrid.udp.enabled", [trugridUserTarget("Alice.Smith@Northwind.example")]);
  await event("trugrid.udp.enabled", [trugridUserTarget("bob.jones@northwind.example")]);
});
afterAll(() => t.drop());

async function found(f: AuditFilter) {
  const rows = await t.db.$queryRaw<
    { id: string }[]
  >`SELECT id::text FROM "AuditEvent" WHERE ${auditWhere(admin, f)} ORDER BY seq`;
  return rows.map((r) => r.id);
}

describe("events about one TruGrid user, in every target shape they were logged in", () => {
  it("names the user by the lower-case UPN now", () => {
    expect(trugridUserTarget("Alice.Smith@Northwind.example")).toEqual({
      type: "trugrid_user",
      id: "alice.smith@northwind.example",
      label: "Alice.Smith@Northwind.example",
    });
  });

  it(
    "are all found by the person page's link (the target filter with the lower-case address) " +
      "and by the UPN as typed",
    async () => {
      const all = [ids.formerBulk, ids.formerPage, ids.now];
      expect(await found({ target: "alice.smith@northwind.example" })).toEqual(all);
      expect(await found({ target: "Alice.Smith@Northwind.example" })).toEqual(all);
    },
  );

  it("are all found by searching for the address", async () => {
    expect(await found({ q: "alice.smith@northwind.example" })).toEqual([ids.formerBulk, ids.formerPage, ids.now]);
  });
});
