"use server";
import { z } from "zod";
import { ActionDenied, ActionError, action } from "../actions/action";
import { db } from "../db";
import { clientFor } from "../vendors/client-for";
import { VendorError } from "../vendors/core/vendor-error";
import { asActionError } from "../vendors/core/vendor-message";
import { bulkJobDone } from "../vendors/jumpcloud/bulk-job-done";
import { BULK_ACTIONS } from "./bulk-kinds";
import { cacheUser } from "./cache";

const Id = z
  .string()
  .trim()
  .regex(/^[a-f0-9]{24}$/i);

export interface JobResultRow {
  status: string;
  statusMsg: string;
  userId: string | null;
  label: string | null;
}

/**
 * The results of a bulk job this tenant started through the console, polled
 * by the page until every item has finished or failed. A read of JumpCloud
 * that changes nothing there, so it is not itself an audit event (refusals
 * are); when the job is done, the users it touched are re-read into the cache.
 */
export const bulkJobResults = action(
  {
    name: "jumpcloud.bulk_job.results_read",
    perm: "jumpcloud.write",
    audited: false,
    input: z.object({ tenantId: z.string().trim().min(1).max(100), jobId: Id }),
    tenant: (i) => i.tenantId,
  },
  async ({ tenantId, jobId }): Promise<{ done: boolean; rows: JobResultRow[] }> => {
    // Only jobs the console started for this tenant: the job id must be in its audit log.
    const started = await db().auditEvent.findFirst({
      where: {
        tenantId,
        outcome: "success",
        action: { in: Object.values(BULK_ACTIONS) },
        after: { path: ["jobId"], equals: jobId },
      },
      select: { after: true },
    });
    if (!started)
      throw new ActionDenied(
        "Not found.",
        `JumpCloud bulk job ${jobId} was not started through the console for this tenant`,
      );
    try {
      const { client } = await clientFor(db(), tenantId, "jumpcloud", "interactive");
      // Every page of results, and one per user the job was started with (its audit event says how many).
      const results = await client.bulkUserResults(jobId);
      const count = (started.after as { count?: unknown } | null)?.count;
      const done = bulkJobDone(results, typeof count === "number" ? count : undefined);
      const rows = results.map((r) => {
        const meta = (r.meta ?? {}) as { systemUser?: { id?: unknown; email?: unknown } };
        const persisted = (r.persistedFields ?? {}) as { email?: unknown; username?: unknown };
        const userId = typeof meta.systemUser?.id === "string" ? meta.systemUser.id : null;
        const label =
          typeof persisted.email === "string"
            ? persisted.email
            : typeof meta.systemUser?.email === "string"
              ? meta.systemUser.email
              : null;
        return { status: r.status, statusMsg: r.statusMsg ?? "", userId, label };
      });
      if (done) {
        for (const r of rows) {
          if (r.status !== "finished" || !r.userId) continue;
          try {
            await cacheUser(db(), tenantId, await client.getUser(r.userId));
          } catch (err) {
            if (!(err instanceof VendorError)) throw err;
          }
        }
        const known = await db().jumpcloudUser.findMany({
          where: { tenantId, vendorId: { in: rows.flatMap((r) => (r.userId ? [r.userId] : [])) } },
          select: { vendorId: true, email: true },
        });
        const email = new Map(known.map((k) => [k.vendorId, k.email]));
        for (const r of rows) if (!r.label && r.userId) r.label = email.get(r.userId) ?? null;
      }
      return { done, rows };
    } catch (err) {
      const refusal = asActionError(err);
      throw refusal instanceof ActionError ? refusal : new ActionError("Reading the job's results failed.");
    }
  },
);
