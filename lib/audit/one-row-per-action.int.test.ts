import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import type { Staff } from "../auth/staff";
import { createPgPool } from "../db/pg-pool";
import { exportAuditEvents } from "./export";
import { AuditFilter } from "./filter";
import { recordAudit } from "./record";

let t: TestDatabase;
let staff: Staff;
let tenantId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  // The log's page query reads the app's own client (lib/db): this test's database.
  process.env.DATABASE_URL = t.url;
  tenantId = (await makeTenant(t.db)).id;
  staff = await makeStaff(t.db, { role: "admin", tenantIds: [tenantId] });
});
afterAll(() => t.drop());

const actor = () => ({ id: staff.id, email: staff.email, name: staff.name });
const intent = (action: "tenant.renamed" | "staff.time_zone_changed") =>
  recordAudit(t.db, { action, actor: actor(), tenantId, outcome: "pending" });

describe("the audit log's list", () => {
  it("shows one row per action: a settled intent folds into its outcome, an unsettled one stays", async () => {
    const settled = await intent("tenant.renamed");
    const outcome = await recordAudit(t.db, {
      action: "tenant.renamed",
      actor: actor(),
      tenantId,
      outcome: "success",
      correlationId: settled.id,
    });
    const inFlight = await intent("staff.time_zone_changed");

    const { listAuditEvents } = await import("./query");
    const { events } = await listAuditEvents(staff, AuditFilter.parse({}));
    const ids = events.map((e) => e.id);
    expect(ids).toContain(outcome.id);
    expect(ids).toContain(inFlight.id);
    expect(ids).not.toContain(settled.id);
    // Asking for pending events finds the one still in flight only.
    const pending = await listAuditEvents(staff, AuditFilter.parse({ outcome: "pending" }));
    expect(pending.events.map((e) => e.id)).toEqual([inFlight.id]);

    // The export is the whole record: the folded intent is in it.
    const pool = createPgPool(t.url, 1);
    try {
      let csv = "";
      for await (const chunk of exportAuditEvents(pool, staff, AuditFilter.parse({}), "csv")) csv += chunk;
      expect(csv).toContain(settled.id);
    } finally {
      await pool.end();
    }
  });
});
