import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeTenant } from "../../test/factories";
import { namedValues } from "./value-names";

let t: TestDatabase;
let mine: { id: string };
let other: { id: string };
const alice = Buffer.from("User:1").toString("base64");
const engineers = Buffer.from("Group:7").toString("base64");
const unknown = Buffer.from("Group:99").toString("base64");

beforeAll(async () => {
  t = await createTestDatabase();
  mine = await makeTenant(t.db, "Names A");
  other = await makeTenant(t.db, "Names B");
  const user = { email: "alice@northwind.example", emailNorm: "alice@northwind.example", state: "ACTIVE", raw: {} };
  await t.db.twingateUser.create({ data: { tenantId: mine.id, vendorId: alice, ...user, hash: "h" } });
  await t.db.vendorObject.create({
    data: {
      tenantId: mine.id,
      vendor: "twingate",
      kind: "group",
      vendorId: engineers,
      name: "Engineers",
      raw: {},
      hash: "h",
    },
  });
  // The same id in another tenant's cache names something else: each event reads its own tenant's names.
  await t.db.vendorObject.create({
    data: {
      tenantId: other.id,
      vendor: "twingate",
      kind: "group",
      vendorId: engineers,
      name: "Sales",
      raw: {},
      hash: "h",
    },
  });
});
afterAll(() => t.drop());

describe("names for the ids an event holds", () => {
  it("reads each tenant's cache, by value and by key, and keeps ids the cache does not know", async () => {
    const [a, b, none] = await namedValues(t.db, [
      { tenantId: mine.id, before: { members: [alice] }, after: { [engineers]: { added: [alice, unknown] } } },
      { tenantId: other.id, before: null, after: { groupId: engineers } },
      { tenantId: null, before: { groupId: engineers }, after: null },
    ]);
    expect(a).toMatchObject({
      before: { members: ["alice@northwind.example"] },
      after: { Engineers: { added: ["alice@northwind.example", unknown] } },
    });
    expect(b?.after).toEqual({ groupId: "Sales" });
    expect(none?.before).toEqual({ groupId: engineers });
  });
});
