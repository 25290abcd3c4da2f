import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { createPgPool } from "../db/pg-pool";
import { pruneAuditLog } from "./prune";
import { recordAudit } from "./record";
import { verifyAuditChain } from "./verify";

let t: TestDatabase;
let pool: pg.Pool;
const archiveDir = mkdtempSync(path.join(tmpdir(), "audit-archive-"));
beforeAll(async () => {
  t = await createTestDatabase();
  pool = createPgPool(t.url, 2);
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

const actor = { id: "s1", email: "ana@example.com", name: "Ana" };
const record = (i: number) =>
  recordAudit(t.db, { action: "tenant.renamed", actor, outcome: "success", after: { name: `n${i}` } });
const pause = () => new Promise((r) => setTimeout(r, 30));
const DAY = 86_400_000;

describe("audit retention", () => {
  it("archives then prunes the oldest stretch; the rest still verifies and new events chain on", async () => {
    for (let i = 0; i < 3; i++) await record(i);
    await pause();
    const cutoff = new Date();
    await pause();
    for (let i = 3; i < 5; i++) await record(i);
    const oldest = await t.db.auditEvent.findMany({ orderBy: { seq: "asc" }, take: 3 });

    const out = await pruneAuditLog(t.db, pool, {
      days: 30,
      archiveDir,
      now: new Date(cutoff.getTime() + 30 * DAY),
      actor,
    });
    expect(out).toMatchObject({ pruned: 3, throughSeq: oldest[2]!.seq });
    if (!("archivePath" in out)) throw new Error("no archive");

    const gz = readFileSync(out.archivePath);
    expect(createHash("sha256").update(gz).digest("hex")).toBe(out.archiveSha256);
    const archived = gunzipSync(gz)
      .toString("utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(archived.map((e) => e.hash)).toEqual(oldest.map((e) => e.hash));
    expect(archived[0]).toMatchObject({
      action: "tenant.renamed",
      after: { name: "n0" },
      prevHash: oldest[0]!.prevHash,
    });

    // 2 kept + the audit.pruned event itself.
    expect(await t.db.auditEvent.count()).toBe(3);
    expect(await t.db.auditEvent.findFirst({ orderBy: { seq: "desc" } })).toMatchObject({
      action: "audit.pruned",
      after: expect.objectContaining({ events: 3 }),
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: true,
      events: 3,
      fromCheckpoint: { seq: oldest[2]!.seq },
    });
    await record(9);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: 4 });
  });

  it("still refuses any other delete, and a removed event after the checkpoint is caught", async () => {
    await expect(t.db.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow(/append-only/);
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL audit.prune_through = '1'`);
        await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE seq > 1`;
      }),
    ).rejects.toThrow(/append-only/);
  });

  it("does nothing when nothing is old enough, and prunes nothing from a broken chain", async () => {
    expect(await pruneAuditLog(t.db, pool, { days: 30, archiveDir })).toEqual({
      pruned: 0,
      reason: "no events older than 30 days",
    });
    const victim = await t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "asc" } });
    await t.db.$transaction([
      t.db.$executeRaw`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete`,
      t.db.$executeRaw`UPDATE "AuditEvent" SET reason = 'edited' WHERE seq = ${victim.seq}`,
      t.db.$executeRaw`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete`,
    ]);
    const before = await t.db.auditEvent.count();
    expect(await pruneAuditLog(t.db, pool, { days: 1, archiveDir, now: new Date(Date.now() + 10 * DAY) })).toEqual({
      pruned: 0,
      reason: "the chain does not verify",
    });
    expect(await t.db.auditEvent.count()).toBe(before + 1);
    expect(await t.db.auditEvent.findFirst({ orderBy: { seq: "desc" } })).toMatchObject({
      action: "audit.pruned",
      outcome: "failure",
    });
  });
});
