import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { pgPoolOf } from "../db/client";
import type { AuditAction } from "./event-types";
import { recordAudit, recordAuditMany, recordAuditManyPg } from "./record";
import { verifyAuditChain } from "./verify";

const run = promisify(execFile);
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const actor = { id: "s1", email: "ana@example.com", name: "Ana" };

async function auditVerifyCli(url: string) {
  try {
    const { stdout } = await run("npx", ["tsx", "scripts/audit-verify.ts"], {
      env: { ...process.env, DATABASE_URL: url },
    });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe("audit log", () => {
  it("chains events in order and verifies", async () => {
    for (let i = 0; i < 5; i++) {
      await recordAudit(t.db, {
        action: "tenant.renamed",
        actor,
        outcome: "success",
        targets: [{ type: "tenant", id: `t${i}` }],
        before: { name: `old ${i}`, nested: { b: 1, a: [1, "x"] } },
        after: { name: `new ${i}` },
      });
    }
    // Concurrent writers must not fork the chain.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        recordAudit(t.db, { action: "staff.sign_in_failed", actor: null, outcome: "failure", reason: `attempt ${i}` }),
      ),
    );
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ ok: true, events: 15 });
    const cli = await auditVerifyCli(t.url);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/^OK: 15 audit events/);
  });

  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    await expect(t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET reason = 'edited'`)).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(t.db.auditEvent.updateMany({ data: { reason: "x" } })).rejects.toThrow();
    expect(await t.db.auditEvent.count()).toBe(15);
  });

  it("rejects an event without a reason for a refusal, or with a malformed action", async () => {
    await expect(recordAudit(t.db, { action: "staff.updated", actor, outcome: "denied" } as never)).rejects.toThrow();
    await expect(
      recordAudit(t.db, { action: "Not Dotted" as AuditAction, actor, outcome: "success" }),
    ).rejects.toThrow();
  });

  it("audit:verify names the first event altered behind the trigger's back", async () => {
    const victim = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "tenant.renamed" },
      orderBy: { seq: "asc" },
      skip: 2,
    });
    await t.db.$transaction([
      t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete`),
      t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET after = '{"name":"forged"}' WHERE id = '${victim.id}'`),
      t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete`),
    ]);
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(false);
    if (!report.ok) {
      expect(report.brokenAt.id).toBe(victim.id);
      expect(report.reason).toMatch(/altered/);
      expect(report.events).toBe(2);
    }
    const cli = await auditVerifyCli(t.url);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`BROKEN at event ${victim.id}`);
  });

  it("a deleted event is reported at its successor", async () => {
    const t2 = await createTestDatabase();
    try {
      for (let i = 0; i < 3; i++) await recordAudit(t2.db, { action: "tenant.created", actor, outcome: "success" });
      const [, middle, last] = await t2.db.auditEvent.findMany({ orderBy: { seq: "asc" } });
      await t2.db.$transaction([
        t2.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete`),
        t2.db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE id = '${middle!.id}'`),
        t2.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete`),
      ]);
      const report = await verifyAuditChain(t2.db);
      expect(report.ok).toBe(false);
      if (!report.ok) {
        expect(report.brokenAt.id).toBe(last!.id);
        expect(report.reason).toMatch(/removed/);
      }
    } finally {
      await t2.drop();
    }
  });
});

describe("audit batches", () => {
  it(
    "concurrent batches (through Prisma and through node-postgres) and single events append as one chain, " +
      "each batch contiguous and in order",
    async () => {
      const t2 = await createTestDatabase();
      try {
        const batch = (b: number, n: number) =>
          Array.from({ length: n }, (_, i) => ({
            action: "trugrid.mfa.turned_on" as const,
            actor,
            outcome: "success" as const,
            jobId: `job${b}`,
            vendor: "trugrid" as const,
            targets: [{ type: "user", id: `u${i}@x.example`, label: `U${i}` }],
            // Values whose JSON changes on the way through jsonb (key order, a Date, undefined members) still hash as
            // stored.
            before: {
              z: 1,
              a: [1.5, 1e-7, 2 ** 53, 'é ü \u2028 "q"', null, {}],
              when: new Date(Date.UTC(2026, 0, 2)),
              gone: undefined,
            },
            after: { [`U${i}`]: { mfa: "on" }, n: i },
          }));
        await Promise.all([
          recordAuditMany(t2.db, batch(1, 300)),
          recordAuditManyPg(pgPoolOf(t2.db)!, batch(2, 250)),
          ...Array.from({ length: 5 }, (_, i) =>
            recordAudit(t2.db, {
              action: "staff.sign_in_failed",
              actor: null,
              outcome: "failure",
              reason: `attempt ${i}`,
            }),
          ),
          recordAuditMany(t2.db, batch(3, 200)),
          recordAuditManyPg(pgPoolOf(t2.db)!, batch(4, 150)),
        ]);
        expect(await verifyAuditChain(t2.db)).toMatchObject({ ok: true, events: 905 });
        const events = await t2.db.auditEvent.findMany({
          orderBy: { seq: "asc" },
          select: { jobId: true, after: true },
        });
        for (const job of ["job1", "job2", "job3", "job4"]) {
          const at = events.flatMap((e, i) => (e.jobId === job ? [i] : []));
          expect(at[at.length - 1]! - at[0]!).toBe(at.length - 1);
          expect(at.map((i) => (events[i]!.after as { n: number }).n)).toEqual(at.map((_, k) => k));
        }
      } finally {
        await t2.drop();
      }
    },
  );

  it("writes made alongside a batch commit with it or not at all", async () => {
    const t2 = await createTestDatabase();
    try {
      const events = [
        { action: "tenant.created" as const, actor, outcome: "success" as const },
        { action: "tenant.created" as const, actor, outcome: "success" as const },
      ];
      const seen: string[] = [];
      await expect(
        recordAuditMany(t2.db, events, async (tx, ids) => {
          seen.push(...ids);
          await tx.tenant.create({ data: { name: "rolled back" } });
          throw new Error("status write failed");
        }),
      ).rejects.toThrow(/status write failed/);
      expect(await t2.db.auditEvent.count()).toBe(0);
      expect(await t2.db.tenant.count({ where: { name: "rolled back" } })).toBe(0);

      const ids = await recordAuditMany(t2.db, events, async (tx) => tx.tenant.create({ data: { name: "kept" } }));
      expect(await t2.db.tenant.count({ where: { name: "kept" } })).toBe(1);
      expect((await t2.db.auditEvent.findMany({ orderBy: { seq: "asc" } })).map((e) => e.id)).toEqual(
        ids.map((e) => e.id),
      );
      expect(seen).toHaveLength(2);
      expect(await verifyAuditChain(t2.db)).toMatchObject({ ok: true, events: 2 });

      // The same on node-postgres: the alongside write and the events roll back together, or commit together.
      const pool = pgPoolOf(t2.db)!;
      await expect(
        recordAuditManyPg(pool, events, async (client) => {
          await client.query(
            `INSERT INTO "Tenant" (id, name, "updatedAt") VALUES ('pg-rolled-back', 'pg rolled back', now())`,
          );
          throw new Error("status write failed");
        }),
      ).rejects.toThrow(/status write failed/);
      expect(await t2.db.auditEvent.count()).toBe(2);
      expect(await t2.db.tenant.count({ where: { name: "pg rolled back" } })).toBe(0);
      await recordAuditManyPg(pool, events, (client) =>
        client.query(`INSERT INTO "Tenant" (id, name, "updatedAt") VALUES ('pg-kept', 'pg kept', now())`),
      );
      expect(await t2.db.tenant.count({ where: { name: "pg kept" } })).toBe(1);
      expect(await verifyAuditChain(t2.db)).toMatchObject({ ok: true, events: 4 });
    } finally {
      await t2.drop();
    }
  });
});
