import { createHash } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type pg from "pg";
import type { Db } from "../db/client";
import { recordAudit } from "./record";
import { verifyAuditChain } from "./verify";

export type PruneOutcome =
  | { pruned: 0; reason: string }
  | { pruned: number; throughSeq: bigint; archivePath: string; archiveSha256: string };

/** Every event at or below `throughSeq` (after the last checkpoint) as JSON lines, all columns, hashes included. */
async function* archiveLines(pool: pg.Pool, afterSeq: bigint, throughSeq: bigint): AsyncGenerator<string> {
  let cursor = afterSeq;
  for (;;) {
    const { rows } = await pool.query<{ seq: string; line: string }>(
      `SELECT seq::text AS seq, json_build_object(
         'seq', seq::text, 'id', id, 'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'actorId', "actorId", 'actorEmail', "actorEmail", 'actorName', "actorName", 'ip', ip, 'userAgent', "userAgent",
         'action', action, 'tenantId', "tenantId", 'vendor', vendor, 'targets', targets, 'before', before,
         'after', after, 'outcome', outcome, 'reason', reason,
         'changeReason', "changeReason", 'jobId', "jobId", 'correlationId', "correlationId",
         'prevHash', "prevHash", 'hash', hash
       )::text AS line
       FROM "AuditEvent" WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT 2000`,
      [cursor.toString(), throughSeq.toString()],
    );
    if (rows.length === 0) return;
    yield `${rows.map((r) => r.line).join("\n")}\n`;
    cursor = BigInt(rows.at(-1)?.seq ?? cursor);
  }
}

/**
 * Applies the retention setting: events older than `days` are first written
 * to a gzip JSON-lines archive (with their hashes, so the archive verifies on
 * its own), then removed in one transaction that leaves a checkpoint holding
 * the last removed hash, so the remaining chain still verifies. A chain that
 * does not verify is never pruned: that would destroy the evidence.
 */
export async function pruneAuditLog(
  db: Db,
  pool: pg.Pool,
  opts: { days: number; archiveDir: string; now?: Date; actor?: { id: string; email: string; name: string } | null },
): Promise<PruneOutcome> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.days * 86_400_000);
  const last = await db.auditCheckpoint.findFirst({ orderBy: { seq: "desc" } });
  const afterSeq = last?.seq ?? 0n;
  const range = await db.auditEvent.aggregate({
    where: { at: { lt: cutoff }, seq: { gt: afterSeq } },
    _max: { seq: true },
    _min: { at: true },
    _count: true,
  });
  const throughSeq = range._max.seq;
  if (throughSeq === null) return { pruned: 0, reason: `no events older than ${opts.days} days` };

  const report = await verifyAuditChain(db);
  if (!report.ok) {
    await recordAudit(db, {
      action: "audit.pruned",
      actor: opts.actor ?? null,
      outcome: "failure",
      reason: `the chain does not verify (${report.reason}); nothing was pruned`,
    });
    return { pruned: 0, reason: "the chain does not verify" };
  }

  mkdirSync(opts.archiveDir, { recursive: true, mode: 0o700 });
  const archivePath = path.join(opts.archiveDir, `audit-${afterSeq + 1n}-${throughSeq}.jsonl.gz`);
  const sha = createHash("sha256");
  const gzip = createGzip();
  gzip.on("data", (chunk: Buffer) => sha.update(chunk));
  await pipeline(
    Readable.from(archiveLines(pool, afterSeq, throughSeq)),
    gzip,
    createWriteStream(archivePath, { mode: 0o600, flags: "wx" }),
  );
  const archiveSha256 = sha.digest("hex");

  const pruned = await db.$transaction(
    async (tx) => {
      const lastPruned = await tx.auditEvent.findUniqueOrThrow({
        where: { seq: throughSeq },
        select: { hash: true, at: true },
      });
      await tx.$executeRawUnsafe(`SET LOCAL audit.prune_through = '${throughSeq.toString()}'`);
      const count = await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE seq > ${afterSeq} AND seq <= ${throughSeq}`;
      await tx.auditCheckpoint.create({
        data: {
          seq: throughSeq,
          hash: lastPruned.hash,
          prunedCount: count,
          firstAt: range._min.at!,
          lastAt: lastPruned.at,
          archivePath,
          archiveSha256,
        },
      });
      return count;
    },
    { timeout: 600_000 },
  );

  await recordAudit(db, {
    action: "audit.pruned",
    actor: opts.actor ?? null,
    outcome: "success",
    after: {
      events: pruned,
      throughSeq: throughSeq.toString(),
      olderThanDays: opts.days,
      archive: path.basename(archivePath),
      archiveSha256,
    },
  });
  return { pruned, throughSeq, archivePath, archiveSha256 };
}
