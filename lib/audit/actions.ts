"use server";
import { z } from "zod";
import { ActionError, action } from "../actions/action";
import { db } from "../db";
import { appBoss } from "../jobs/app-boss";
import { AUDIT_RETENTION_QUEUE } from "../jobs/queues";
import { verifyAuditChain } from "./verify";

/** Walks the whole chain now; the outcome (intact, or the first broken event) is itself an audit event. */
export const verifyAuditChainNow = action(
  // External mode: the walk runs outside a transaction, between an intent and an outcome event.
  { name: "audit.verified", perm: "audit.verify", input: z.object({}), mode: "external", tenant: "global" },
  async (_input, ctx) => {
    const report = await verifyAuditChain(db());
    if (!report.ok) {
      const b = report.brokenAt;
      throw new ActionError(
        `The chain is broken at event ${b.id} (seq ${b.seq}, ${b.action}, ${b.at.toISOString()}): ${report.reason}. ` +
          `${report.events} events before it verified.`,
      );
    }
    ctx.audit.after = {
      events: report.events,
      head: report.lastHash,
      fromCheckpointSeq: report.fromCheckpoint?.seq.toString() ?? null,
    };
    return { events: report.events, head: report.lastHash };
  },
);

const Days = z.union([
  z.literal("").transform(() => null),
  z.coerce.number().int().min(7, "At least 7 days").max(36_500, "At most 100 years"),
]);

export const saveAuditRetention = action(
  {
    name: "audit.retention_changed",
    perm: "audit.retention",
    input: z.object({ days: Days.nullable().default(null) }),
    tenant: "global",
  },
  async ({ days }, ctx) => {
    const before = await ctx.db.auditRetention.findUnique({ where: { id: 1 } });
    await ctx.db.auditRetention.upsert({
      where: { id: 1 },
      create: { id: 1, days, updatedBy: ctx.staff.id },
      update: { days, updatedBy: ctx.staff.id },
    });
    ctx.audit.before = { days: before?.days ?? null };
    ctx.audit.after = { days };
    return { days };
  },
);

export const applyAuditRetentionNow = action(
  { name: "audit.retention_requested", perm: "audit.retention", input: z.object({}), tenant: "global" },
  async (_input, ctx) => {
    const setting = await ctx.db.auditRetention.findUnique({ where: { id: 1 } });
    if (!setting?.days) throw new ActionError("No retention period is set: everything is kept.");
    const jobId = await (await appBoss()).send(AUDIT_RETENTION_QUEUE, {});
    ctx.audit.after = { days: setting.days, jobId };
    return { queued: jobId !== null };
  },
);
