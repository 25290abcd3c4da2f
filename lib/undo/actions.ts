"use server";
import { z } from "zod";
import type { Result } from "../actions/result";
import { currentStaff } from "../auth/session";
import { db } from "../db";
import { INVERSES } from "./registry";
import { undoEvent } from "./undo-event";

/**
 * Undoes an audited action from its toast or from the audit log. The inverse
 * is itself a wrapped action, so permission, tenant scope and the audit
 * event are checked and written there.
 */
export async function undoAuditEvent(eventId: string): Promise<Result<unknown>> {
  const staff = await currentStaff();
  if (!staff) return { ok: false, error: "Your session has ended. Sign in again." };
  if (!z.uuid().safeParse(eventId).success) return { ok: false, error: "Not found." };
  return undoEvent(db(), staff, eventId, INVERSES);
}
