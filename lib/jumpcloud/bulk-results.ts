"use server";
import { z } from "zod";
import { ActionError } from "../actions/action";
import type { Result } from "../actions/result";
import { can } from "../auth/permissions";
import { currentStaff } from "../auth/session";
import { db } from "../db";
import { VendorError } from "../vendors/core/vendor-error";
import { BULK_ACTIONS } from "./bulk-kinds";
import { cacheUser } from "./cache";
import { jumpcloudFor, vendorRefusal } from "./vendor";

const Id = z.string().trim().regex(/^[a-f0-9]{24}$/i);

export interface JobResultRow {
  status: string;
  statusMsg: string;
  userId: string | null;
  label: string | null;
}

/**
 * The results of a bulk job this tenant started through the console, polled
 * by the page until every item has finished or failed. A read of JumpCloud
 * that changes nothing there, so it is not itself an audit event; when the
 * job is done, the users it touched are re-read into the cache.
 */
export async function bulkJobResults(tenantId: string, jobId: string): Promise<Result<{ done: boolean; rows: JobResultRow[] }>> {
  const staff = await currentStaff();
  if (!staff) return { ok: false, error: "Your session has ended. Sign in again." };
  if (!can(staff.role, "jumpcloud.write") || !staff.tenantIds.includes(tenantId) || !Id.safeParse(jobId).success) return { ok: false, error: "Not found." };
  // Only jobs the console started for this tenant: the job id must be in its audit log.
  const started = await db().auditEvent.findFirst({
    where: { tenantId, outcome: "success", action: { in: Object.values(BULK_ACTIONS) }, after: { path: ["jobId"], equals: jobId } },
    select: { id: true },
  });
  if (!started) return { ok: false, error: "Not found." };
  try {
    const client = await jumpcloudFor(tenantId);
    const results = await client.bulkUserResults(jobId);
    const done = results.length > 0 && results.every((r) => r.status !== "pending");
    const rows = results.map((r) => {
      const meta = (r.meta ?? {}) as { systemUser?: { id?: unknown; email?: unknown } };
      const persisted = (r.persistedFields ?? {}) as { email?: unknown; username?: unknown };
      const userId = typeof meta.systemUser?.id === "string" ? meta.systemUser.id : null;
      const label = typeof persisted.email === "string" ? persisted.email : typeof meta.systemUser?.email === "string" ? meta.systemUser.email : null;
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
      const known = await db().jumpcloudUser.findMany({ where: { tenantId, vendorId: { in: rows.flatMap((r) => (r.userId ? [r.userId] : [])) } }, select: { vendorId: true, email: true } });
      const email = new Map(known.map((k) => [k.vendorId, k.email]));
      for (const r of rows) if (!r.label && r.userId) r.label = email.get(r.userId) ?? null;
    }
    return { ok: true, data: { done, rows } };
  } catch (err) {
    const refusal = vendorRefusal(err);
    return { ok: false, error: refusal instanceof ActionError ? refusal.message : "Reading the job's results failed." };
  }
}

