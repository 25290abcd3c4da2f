import v8 from "node:v8";
import vm from "node:vm";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import type { Staff } from "../auth/staff";
import { createPgPool } from "../db/pg-pool";
import { exportAuditEvents } from "./export";
import { type AuditFilter, auditWhere } from "./filter";
import { recordAudit } from "./record";

let t: TestDatabase;
let a: { id: string };
let b: { id: string };
let admin: Staff;
let operatorA: Staff;
let pool: pg.Pool;

beforeAll(async () => {
  t = await createTestDatabase();
  pool = createPgPool(t.url, 2);
  a = await makeTenant(t.db, "Tenant A");
  b = await makeTenant(t.db, "Tenant B");
  admin = await makeStaff(t.db, { role: "admin", tenantIds: [a.id, b.id] });
  operatorA = await makeStaff(t.db, { role: "operator", tenantIds: [a.id] });
  const ana = { id: admin.id, email: admin.email, name: "Ana Admin" };
  const op = { id: operatorA.id, email: operatorA.email, name: "Olga Operator" };
  await recordAudit(t.db, {
    action: "trugrid.mfa.turned_off",
    actor: op,
    tenantId: a.id,
    vendor: "trugrid",
    outcome: "success",
    targets: [{ type: "user", id: "alice@northwind.example", label: "Alice Smith" }],
    before: { mfa: true },
    after: { mfa: false },
  });
  await recordAudit(t.db, {
    action: "twingate.device.blocked",
    actor: op,
    tenantId: a.id,
    vendor: "twingate",
    outcome: "failure",
    reason: "Rate limit exceeded",
    targets: [{ type: "device", id: "RGV2aWNlOjE=", label: "ALICE-LAPTOP" }],
    jobId: "job-42",
  });
  await recordAudit(t.db, {
    action: "truu.device.deleted",
    actor: ana,
    tenantId: b.id,
    vendor: "truu",
    outcome: "success",
    targets: [{ type: "device", id: "d-9", label: "bob-phone" }],
  });
  await recordAudit(t.db, {
    action: "staff.created",
    actor: ana,
    outcome: "success",
    targets: [{ type: "staff", id: "s-1", label: "new@helpdesk.local" }],
  });
  await recordAudit(t.db, {
    action: "staff.password_changed",
    actor: op,
    outcome: "success",
    targets: [{ type: "staff", id: operatorA.id }],
  });
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

async function actions(staff: Staff, f: AuditFilter) {
  const rows = await t.db.$queryRaw<
    { action: string }[]
  >`SELECT action FROM "AuditEvent" WHERE ${auditWhere(staff, f)} ORDER BY seq`;
  return rows.map((r) => r.action);
}

describe("audit filters", () => {
  it("keeps each staff user to their scope", async () => {
    expect(await actions(operatorA, {})).toEqual([
      "trugrid.mfa.turned_off",
      "twingate.device.blocked",
      "staff.password_changed",
    ]);
    expect(await actions(admin, {})).toHaveLength(5);
    expect(await actions(operatorA, { tenant: b.id })).toEqual([]);
  });

  it("searches words by prefix across actor, action, targets, reason and values", async () => {
    expect(await actions(admin, { q: "alice" })).toEqual(["trugrid.mfa.turned_off", "twingate.device.blocked"]);
    expect(await actions(admin, { q: "alice@northwind.example" })).toEqual(["trugrid.mfa.turned_off"]);
    expect(await actions(admin, { q: "rate limit" })).toEqual(["twingate.device.blocked"]);
    expect(await actions(admin, { q: "olga mfa" })).toEqual(["trugrid.mfa.turned_off"]);
    expect(await actions(admin, { q: "blocked" })).toEqual(["twingate.device.blocked"]);
    expect(await actions(admin, { q: "'; DROP TABLE x; --" })).toEqual([]);
  });

  it("filters by vendor, target id or label, outcome, job and action prefix", async () => {
    expect(await actions(admin, { vendor: "truu" })).toEqual(["truu.device.deleted"]);
    expect(await actions(admin, { target: "d-9" })).toEqual(["truu.device.deleted"]);
    expect(await actions(admin, { target: "laptop" })).toEqual(["twingate.device.blocked"]);
    expect(await actions(admin, { outcome: "failure" })).toEqual(["twingate.device.blocked"]);
    expect(await actions(admin, { job: "job-42" })).toEqual(["twingate.device.blocked"]);
    expect(await actions(admin, { action: "staff." })).toEqual(["staff.created", "staff.password_changed"]);
    expect(await actions(admin, { actor: "olga", action: "staff" })).toEqual(["staff.password_changed"]);
  });
});

async function collect(gen: AsyncGenerator<string>) {
  let out = "";
  for await (const chunk of gen) out += chunk;
  return out;
}

describe("audit export", () => {
  it("writes CSV with neutralised formula cells and JSON lines, within scope", async () => {
    await recordAudit(t.db, {
      action: "jumpcloud.user.updated",
      actor: null,
      tenantId: a.id,
      outcome: "failure",
      reason: '=HYPERLINK("http://x")',
      targets: [{ type: "user", id: "u1" }],
    });
    const csv = await collect(exportAuditEvents(pool, operatorA, {}, "csv"));
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^seq,id,at,actorName/);
    expect(lines).toHaveLength(1 + 4);
    expect(csv).not.toContain("truu.device.deleted");
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"")",`);
    const jsonl = await collect(exportAuditEvents(pool, admin, { vendor: "trugrid" }, "jsonl"));
    const events = jsonl
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(events).toEqual([
      expect.objectContaining({
        action: "trugrid.mfa.turned_off",
        after: { mfa: false },
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
  });

  it("exports 100,000 events with flat memory", async () => {
    // Rows straight from SQL: the export reads them, it does not verify them.
    const pad = "x".repeat(1000);
    await t.db.$executeRaw`
      INSERT INTO "AuditEvent" (id, at, action, "tenantId", targets, before, after, outcome, "prevHash", hash)
      SELECT gen_random_uuid(), now(), 'truu.device.deleted', ${a.id},
        jsonb_build_array(jsonb_build_object('type', 'device', 'id', 'dev-' || i)),
        jsonb_build_object('pad', ${pad}::text, 'i', i), NULL, 'success', md5(i::text),
        md5((i + 1)::text) || md5(i::text)
      FROM generate_series(1, 100000) AS i`;
    // As autovacuum would after a burst of writes: the planner then walks seq instead of re-sorting every match per
    // batch.
    await t.db.$executeRaw`ANALYZE "AuditEvent"`;
    // Live memory, not garbage not yet collected: sample the heap right after a full collection.
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const live = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = live();
    let peak = before;
    let n = 0;
    let bytes = 0;
    let lines = 0;
    for await (const chunk of exportAuditEvents(pool, operatorA, { action: "truu." }, "jsonl")) {
      bytes += chunk.length;
      lines += chunk.split("\n").length - 1;
      if (++n % 5 === 0) peak = Math.max(peak, live());
    }
    expect(lines).toBe(100_000);
    expect(bytes).toBeGreaterThan(100_000_000);
    // Holding the export would take over 100 MB; a batch at a time stays far below.
    expect(peak - before).toBeLessThan(20_000_000);
  }, 120_000);
});
