"use server";
import { z } from "zod";
import { ActionError, action } from "../actions/action";
import { db } from "../db";
import { appBoss } from "../jobs/app-boss";
import { enqueueSync } from "../jobs/enqueue-sync";
import { VENDOR_IDS } from "../vendors/connection-fields";

export const syncNow = action(
  {
    name: "sync.requested",
    perm: "sync.run",
    input: z.object({ tenantId: z.string().min(1), vendor: z.enum(VENDOR_IDS) }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: i.vendor, targets: [{ type: "vendor_connection", id: `${i.tenantId}:${i.vendor}` }] }),
  },
  async ({ tenantId, vendor }, ctx) => {
    const connection = await ctx.db.vendorConnection.findUnique({ where: { tenantId_vendor: { tenantId, vendor } } });
    if (!connection) throw new ActionError("This tenant has no such connection.");
    // Outside the action's transaction: the job must see the committed run.
    const { run, joined } = await enqueueSync(db(), await appBoss(), {
      tenantId,
      vendor,
      trigger: `manual:${ctx.staff.id}`,
    });
    ctx.audit.after = { runId: run.id, joinedExisting: joined };
    return { runId: run.id, joined };
  },
);

export const saveSyncSchedule = action(
  {
    name: "sync.schedule_changed",
    perm: "sync.schedule",
    tenant: (i) => i.tenantId,
    input: z.object({
      tenantId: z.string().min(1),
      intervalMinutes: z.coerce
        .number()
        .int()
        .min(5, "At least 5 minutes")
        .max(7 * 24 * 60, "At most a week"),
      enabled: z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")]).default(false),
    }),
    describe: (i) => ({ targets: [{ type: "tenant", id: i.tenantId }] }),
  },
  async ({ tenantId, intervalMinutes, enabled }, ctx) => {
    const before = await ctx.db.syncSchedule.findUnique({ where: { tenantId } });
    await ctx.db.syncSchedule.upsert({
      where: { tenantId },
      create: { tenantId, intervalMinutes, enabled },
      update: { intervalMinutes, enabled },
    });
    ctx.audit.before = before && { intervalMinutes: before.intervalMinutes, enabled: before.enabled };
    ctx.audit.after = { intervalMinutes, enabled };
    return { intervalMinutes, enabled };
  },
);
