import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeTenant } from "../../test/factories";
import { keysNaming } from "./read-back";

let t: TestDatabase;
let tenantId: string;

const object = (kind: string, vendorId: string, name: string, attributes: object, deletedAt: Date | null = null) =>
  t.db.vendorObject.create({
    data: { tenantId, vendor: "twingate", kind, vendorId, name, attributes, raw: {}, hash: vendorId, deletedAt },
  });

beforeAll(async () => {
  t = await createTestDatabase();
  tenantId = (await makeTenant(t.db, "Keys")).id;
  await object("service_account", "SA1", "Aaron Tanaka laptop scripts", {});
  await object("service_account", "SA2", "CI Runner", {});
  const key = (id: string, name: string, sa: string, status = "ACTIVE", deletedAt: Date | null = null) =>
    object("service_account_key", id, name, { status, serviceAccountId: sa }, deletedAt);
  await key("K1", "nightly", "SA1"); // the account is named after him
  await key("K2", "aaron.tanaka-deploy", "SA2"); // the key is
  await key("K3", "aaron.tanaka old", "SA2", "REVOKED"); // revoked: nothing to do
  await key("K4", "aaron.tanaka gone", "SA2", "ACTIVE", new Date()); // deleted at Twingate
  await key("K5", "baaron.tanakas", "SA2"); // not his name, only letters of it
  await key("K6", "ci-2025", "SA2");
});
afterAll(() => t.drop());

describe("service keys a leaver may own", () => {
  it("flags active keys whose name, or whose account's name, mentions the person as words", async () => {
    const flagged = await keysNaming({ db: t.db, tenantId, addresses: ["Aaron.Tanaka@northwind.example"] });
    expect(flagged.map((f) => f.what).sort()).toEqual([
      "The service key aaron.tanaka-deploy of CI Runner is active and its name mentions them.",
      "The service key nightly of Aaron Tanaka laptop scripts is active and its name mentions them.",
    ]);
    expect(flagged[0]?.why).toMatch(/records no owner/);
  });

  it("flags nothing for someone no key mentions, nor for a local part too short to tell anyone apart", async () => {
    expect(await keysNaming({ db: t.db, tenantId, addresses: ["kofi.walker@northwind.example"] })).toEqual([]);
    expect(await keysNaming({ db: t.db, tenantId, addresses: ["ci@x.example"] })).toEqual([]);
  });
});
