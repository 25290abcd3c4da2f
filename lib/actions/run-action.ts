import { z } from "zod";
import type { AuditTarget } from "../audit/event";
import type { AuditAction } from "../audit/event-types";
import { recordAudit } from "../audit/record";
import { allows, type Permission, refusalOf } from "../auth/permissions";
import type { Staff } from "../auth/staff";
import { checkTenant, type TenantRule } from "../auth/tenant-scope";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { recordRefusal } from "../routes/refusal";
import type { InverseMap } from "../undo/inverse";
import { isUndoLink, undoTarget } from "../undo/undo-of";
import { verifyUndoOf } from "../undo/verify-undo-of";
import type { VendorId } from "../vendors/connection-fields";
import { CHANGE_REASON_FIELD, REASON_REQUIRED, takeChangeReason } from "./change-reason";
import { ActionDenied, ActionError, formDataToObject, type Result } from "./result";

export interface ActionDef<S extends z.ZodType> {
  /** The audit action name, e.g. `tenant.created`. */
  name: AuditAction;
  perm: Permission;
  /**
   * A further permission some inputs call for (sharing a view, giving a role), checked like `perm` once the input is
   * valid.
   */
  permFor?: (input: z.output<S>) => Permission | null | undefined;
  input: S;
  /**
   * The tenant the call acts in, taken from its validated input; it must be
   * in the caller's scope. Required, so that no action skips the check by
   * omission: an action outside any tenant says `"global"`.
   */
  tenant: TenantRule<z.output<S>>;
  /**
   * local: the body's database writes and the audit event commit together.
   * external: the body calls a vendor, so an intent event is written first and
   * the outcome after; a crash in between leaves a pending event, never none.
   */
  mode?: "local" | "external";
  /**
   * false only for actions that change nothing but the caller's own view
   * (such as switching the current tenant), or that only hand on to other
   * wrapped actions which audit themselves (undo): the body runs without a
   * transaction and writes no success or failure event; refusals are
   * recorded regardless.
   */
  audited?: boolean;
  /** Targets (and anything else) known from the input alone, so that even a pending intent names what it is about. */
  describe?: (input: z.output<S>) => Partial<AuditNote>;
  /**
   * The call changes something a tenant's customer would ask about (a vendor's state, a queued job): a tenant that
   * requires a reason refuses it without one. By default, what calls a vendor (mode "external").
   */
  change?: boolean;
}

/** What the body fills in for the audit event the wrapper writes. */
export interface AuditNote {
  targets: AuditTarget[];
  before?: unknown;
  after?: unknown;
  vendor?: VendorId;
}

export interface ActionContext {
  staff: Staff;
  tenantId: string | null;
  /** The reason or ticket number given with the call (lib/actions/change-reason.ts), already on its audit events. */
  changeReason: string | null;
  /** In local mode, the transaction the audit event commits in. */
  db: Db | Prisma.TransactionClient;
  audit: AuditNote;
}

export interface ActionEnv {
  db: Db;
  staff: () => Promise<Staff | null>;
  meta: () => Promise<{ ip: string; userAgent: string | null }>;
  /** The undo registry, to check a call that names `undoOf`; without it such a call is refused. */
  inverses?: () => Promise<InverseMap>;
}

/** Whether the tenant asks for a reason with every change. */
async function requiresReason(db: Db, tenantId: string | null): Promise<boolean> {
  if (!tenantId) return false;
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { requireChangeReason: true } });
  return tenant?.requireChangeReason ?? false;
}

const NOT_SIGNED_IN = "Your session has ended. Sign in again.";

/**
 * auth → permission → zod input → tenant scope → run → audit, the one path
 * every server action takes. Never throws: the browser only sees a Result,
 * even when the audit log itself cannot be written (the database is down).
 */
export async function runAction<S extends z.ZodType, T>(
  def: ActionDef<S>,
  body: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
  raw: unknown,
  env: ActionEnv,
): Promise<Result<T>> {
  try {
    return await checkedRun(def, body, raw, env);
  } catch (err) {
    console.error(`[action ${def.name}] could not record its audit event`, err);
    return {
      ok: false,
      error: "The console could not record this action in its audit log; check the log before trying again.",
    };
  }
}

async function checkedRun<S extends z.ZodType, T>(
  def: ActionDef<S>,
  body: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
  raw: unknown,
  env: ActionEnv,
): Promise<Result<T>> {
  const meta = await env.meta();
  const staff = await env.staff();
  // The reason travels beside the input under one name for every action; it is not part of any action's schema.
  const given = takeChangeReason(raw instanceof FormData ? formDataToObject(raw) : raw);
  const changeReason = given.ok ? given.reason : null;
  const deny = async (reason: string, tenantId: string | null = null) => {
    await recordAudit(env.db, {
      action: def.name,
      actor: staff && { id: staff.id, email: staff.email, name: staff.name },
      ...meta,
      tenantId,
      outcome: "denied",
      reason,
      changeReason,
    });
  };

  if (!staff) {
    // As for routes and pages: within the per-address budget for requests without a session.
    await recordRefusal(env, null, { action: def.name, reason: "not signed in" });
    return { ok: false, error: NOT_SIGNED_IN };
  }
  // The permission the action needs, and later any further one its input calls for (permFor).
  const lacking = async (perm: Permission | null | undefined): Promise<Result<T> | null> => {
    if (!perm || allows(staff, perm)) return null;
    const refusal = refusalOf(staff, perm);
    await deny(refusal.reason);
    return { ok: false, error: refusal.message };
  };
  const lacksPerm = await lacking(def.perm);
  if (lacksPerm) return lacksPerm;

  if (!given.ok) return { ok: false, error: given.error, fieldErrors: { [CHANGE_REASON_FIELD]: [given.error] } };
  const parsed = def.input.safeParse(given.rest);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    return {
      ok: false,
      error: flat.formErrors[0] ?? "Some fields need attention.",
      fieldErrors: flat.fieldErrors as Record<string, string[]>,
    };
  }
  const input = parsed.data;
  const lacksFurther = await lacking(def.permFor?.(input));
  if (lacksFurther) return lacksFurther;
  const undoOf = (input as { undoOf?: unknown } | null)?.undoOf;

  const scope = await checkTenant(def.tenant, input, staff);
  if (!scope.ok) {
    await deny(scope.reason, scope.tenantId);
    return { ok: false, error: "Not found." };
  }
  const tenantId = scope.tenantId;
  const isChange = def.change ?? def.mode === "external";
  if (isChange && def.audited !== false && !changeReason && (await requiresReason(env.db, tenantId)))
    return { ok: false, error: REASON_REQUIRED, fieldErrors: { [CHANGE_REASON_FIELD]: [REASON_REQUIRED] } };

  const actor = { id: staff.id, email: staff.email, name: staff.name };
  const event = (note: AuditNote) => ({
    action: def.name,
    actor,
    ...meta,
    tenantId,
    vendor: note.vendor ?? null,
    // An inverse run as an undo names the event it undoes (see lib/undo).
    targets: typeof undoOf === "string" ? [...note.targets, undoTarget(undoOf)] : note.targets,
    before: note.before,
    after: note.after,
    changeReason,
  });
  const fail = async (err: unknown, note: AuditNote, correlationId: string | null = null): Promise<Result<T>> => {
    if (err instanceof ActionDenied) {
      // A refused undo names the event it tried to undo only in the reason: the link target means "undone by".
      const refused = event(note);
      await recordAudit(env.db, {
        ...refused,
        targets: refused.targets.filter((t) => !isUndoLink(t, undoOf)),
        outcome: "denied",
        reason: err.reason,
        correlationId,
      });
      return { ok: false, error: err.message };
    }
    const expected = err instanceof ActionError;
    if (!expected) console.error(`[action ${def.name}]`, err);
    const reason = err instanceof Error ? err.message : String(err);
    await recordAudit(env.db, { ...event(note), outcome: "failure", reason, correlationId });
    return { ok: false, error: expected ? reason : "The action failed unexpectedly; the failure is in the audit log." };
  };

  const initialNote = (): AuditNote => ({ targets: [], ...def.describe?.(input) });

  // An undo is checked against the event it names before anything runs, in
  // the transaction that then writes this call's own event (see verifyUndoOf).
  const checkUndo = async (tx: Db | Prisma.TransactionClient) => {
    if (typeof undoOf !== "string") return;
    const inverses = await env.inverses?.();
    const check = inverses
      ? await verifyUndoOf(tx, { staff, action: def.name, tenantId, schema: def.input, input, undoOf }, inverses)
      : { ok: false as const, message: "Undo is not available here.", reason: "no undo registry" };
    if (!check.ok) throw new ActionDenied(check.message, check.reason);
  };

  if (def.audited === false) {
    try {
      return { ok: true, data: await body(input, { staff, tenantId, changeReason, db: env.db, audit: initialNote() }) };
    } catch (err) {
      if (err instanceof ActionDenied) return fail(err, initialNote());
      if (!(err instanceof ActionError)) console.error(`[action ${def.name}]`, err);
      return { ok: false, error: err instanceof ActionError ? err.message : "The action failed unexpectedly." };
    }
  }

  if ((def.mode ?? "local") === "local") {
    const note = initialNote();
    try {
      let eventId: string | undefined;
      const data = await env.db.$transaction(async (tx) => {
        await checkUndo(tx);
        const out = await body(input, { staff, tenantId, changeReason, db: tx, audit: note });
        eventId = (await recordAudit(tx, { ...event(note), outcome: "success" })).id;
        return out;
      });
      return { ok: true, data, eventId };
    } catch (err) {
      return fail(err, note);
    }
  }

  const note = initialNote();
  let intent: { id: string };
  try {
    intent =
      typeof undoOf === "string"
        ? await env.db.$transaction(async (tx) => {
            await checkUndo(tx);
            return recordAudit(tx, { ...event(note), outcome: "pending" });
          })
        : await recordAudit(env.db, { ...event(note), outcome: "pending" });
  } catch (err) {
    return fail(err, note);
  }
  try {
    const data = await body(input, { staff, tenantId, changeReason, db: env.db, audit: note });
    const done = await recordAudit(env.db, { ...event(note), outcome: "success", correlationId: intent.id });
    return { ok: true, data, eventId: done.id };
  } catch (err) {
    return fail(err, note, intent.id);
  }
}
