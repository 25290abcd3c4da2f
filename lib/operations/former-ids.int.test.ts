import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import { bulkJobKind, bulkOperation } from "../bulk/catalogue";
import { OPERATIONS } from "./catalogue";
import { currentOperationId } from "./former-ids";

// Sheets had ids of their own before each operation had one; jobs stored under them are migrated, and a
// URL or a script that still names a sheet so finds the operation it is now.

const MIGRATIONS = path.join(process.cwd(), "prisma/migrations");
const migration = readdirSync(MIGRATIONS).find((d) => d.endsWith("_bulk_operation_ids"))!;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("former bulk ids", () => {
  it("name the operation each sheet now is, by its one id", () => {
    expect(currentOperationId("trugrid.mfa_off")).toBe("trugrid.mfa.turned_off");
    expect(currentOperationId("offboarding.jumpcloud_group_remove")).toBe("jumpcloud.group.member_removed");
    expect(currentOperationId("trugrid.mfa.turned_off")).toBe("trugrid.mfa.turned_off");
    expect(currentOperationId("constructor")).toBe("constructor");
    expect(bulkOperation("twingate.device_block")?.id).toBe("twingate.device.blocked");
    expect(bulkJobKind("jumpcloud.create_users")).toMatchObject({ id: "jumpcloud.user.created", runbook: null });
    // Every sheet is its operation: one id on every surface.
    for (const op of OPERATIONS.filter((o) => o.formerBulkId)) expect(bulkOperation(op.formerBulkId!)?.id).toBe(op.id);
  });

  it("in stored jobs and runbook rows are migrated to the operations' ids", async () => {
    const tenant = await makeTenant(t.db);
    const staff = await makeStaff(t.db, { role: "admin", tenantIds: [tenant.id] });
    const job = (operation: string) =>
      t.db.bulkJob.create({ data: { tenantId: tenant.id, operation, fileName: "f.csv", createdById: staff.id } });
    const sheet = await job("trugrid.mfa_on");
    const runbook = await job("offboarding");
    const row = (line: number, operation: string | null) => ({
      jobId: runbook.id,
      line,
      input: {},
      plan: "update" as const,
      operation,
    });
    await t.db.bulkRow.createMany({
      data: [
        row(1, "jumpcloud.suspend"),
        row(2, "offboarding.jumpcloud_group_remove"),
        row(3, "twingate.user.state_changed"),
        row(4, null),
      ],
    });

    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(readFileSync(path.join(MIGRATIONS, migration, "migration.sql"), "utf8"));
      await client.query("COMMIT");
    } finally {
      await client.end();
    }

    expect((await t.db.bulkJob.findUniqueOrThrow({ where: { id: sheet.id } })).operation).toBe("trugrid.mfa.turned_on");
    expect((await t.db.bulkJob.findUniqueOrThrow({ where: { id: runbook.id } })).operation).toBe("offboarding");
    const rows = await t.db.bulkRow.findMany({ where: { jobId: runbook.id }, orderBy: { line: "asc" } });
    expect(rows.map((r) => r.operation)).toEqual([
      "jumpcloud.user.suspended",
      "jumpcloud.group.member_removed",
      "twingate.user.state_changed",
      null,
    ]);
  });
});
