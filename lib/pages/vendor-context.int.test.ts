import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTwoTenants } from "../../test/factories";
import type { Staff, TenantSummary } from "../auth/staff";
import { connectionRecord } from "../vendors/connection-record";
import { vendorContext } from "./vendor-context";

let t: TestDatabase;
let tenantA: TenantSummary;
let tenantB: TenantSummary;
let viewer: Staff;
let operator: Staff;
let admin: Staff;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ tenantA, tenantB, viewer, operator } = await makeTwoTenants(t.db, "Vendor Page"));
  admin = await makeStaff(t.db, { role: "admin", tenantIds: [tenantA.id] });
  const record = connectionRecord(
    tenantA.id,
    "trugrid",
    "https://api.trugrid.example",
    { apiKey: "tg-secret-key-123456789" },
    {
      domainName: "contoso.com",
    },
  );
  await t.db.vendorConnection.create({ data: { tenantId: tenantA.id, vendor: "trugrid", ...record } });
});
afterAll(() => t.drop());

describe("vendorContext", () => {
  it("gives the tenant's connection to the vendor: its settings and masked hint, never the credentials", async () => {
    const { connection } = await vendorContext(t.db, { staff: viewer, tenant: tenantA }, "trugrid");
    expect(connection).toMatchObject({
      vendor: "trugrid",
      baseUrl: "https://api.trugrid.example",
      settings: { domainName: "contoso.com" },
      credentialsHint: expect.stringContaining("••••6789"),
    });
    expect(JSON.stringify(connection)).not.toContain("tg-secret-key");
    expect(Object.keys(connection!).sort()).toEqual(["baseUrl", "credentialsHint", "settings", "updatedAt", "vendor"]);
  });

  it("no connection to that vendor, another tenant's, or no tenant at all: null", async () => {
    expect((await vendorContext(t.db, { staff: viewer, tenant: tenantA }, "twingate")).connection).toBeNull();
    expect((await vendorContext(t.db, { staff: viewer, tenant: tenantB }, "trugrid")).connection).toBeNull();
    expect((await vendorContext(t.db, { staff: viewer, tenant: null }, "trugrid")).connection).toBeNull();
  });

  it("says which of the vendor's permissions the role holds, and only the vendor's", async () => {
    const may = async (staff: Staff) => (await vendorContext(t.db, { staff, tenant: null }, "trugrid")).may;
    expect(await may(viewer)).toEqual({
      "trugrid.user.write": false,
      "trugrid.domain.write": false,
      "trugrid.read": false,
    });
    expect(await may(operator)).toEqual({
      "trugrid.user.write": true,
      "trugrid.domain.write": false,
      "trugrid.read": true,
    });
    expect(await may(admin)).toEqual({
      "trugrid.user.write": true,
      "trugrid.domain.write": true,
      "trugrid.read": true,
    });
    const twingate = await vendorContext(t.db, { staff: operator, tenant: tenantA }, "twingate");
    expect(twingate.may).toEqual({ "twingate.write": true, "twingate.network.write": false });
  });
});
