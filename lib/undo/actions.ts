"use server";
import { z } from "zod";
import { ActionError, action } from "../actions/action";
import { requestMeta } from "../auth/session";
import { db } from "../db";
import { INVERSES } from "./registry";
import { undoEvent } from "./undo-event";

/**
 * Undoes an audited action from its toast or from the audit log. Only hands
 * on: the inverse is itself a wrapped action, so permission, tenant scope,
 * the undo claim and the audit event are checked and written there.
 */
export const undoAuditEvent = action(
  {
    name: "audit.undo_requested",
    perm: "console.read",
    tenant: "global",
    audited: false,
    input: z.object({ eventId: z.uuid() }),
  },
  async ({ eventId }, ctx) => {
    const res = await undoEvent(db(), ctx.staff, eventId, INVERSES, await requestMeta(), ctx.changeReason);
    if (!res.ok) throw new ActionError(res.error);
    return res.data;
  },
);
