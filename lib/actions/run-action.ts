import { z } from "zod";
import { recordAudit } from "../audit/record";
import type { AuditTarget } from "../audit/event";
import { can, PERMISSIONS, type Permission } from "../auth/permissions";
import type { Staff } from "../auth/staff";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { VendorId } from "../vendors/connection-fields";
import { undoTarget } from "../undo/undo-of";
import { ActionError, formDataToObject, type Result } from "./result";

export interface ActionDef<S extends z.ZodType> {
  /** The audit action name, e.g. `tenant.created`. */
  name: string;
  perm: Permission;
  input: S;
  /** The tenant the call acts in, taken from its validated input; it must be in the caller's scope. */
  tenant?: (input: z.output<S>) => string | null | undefined;
  /**
   * local: the body's database writes and the audit event commit together.
   * external: the body calls a vendor, so an intent event is written first and
   * the outcome after; a crash in between leaves a pending event, never none.
   */
  mode?: "local" | "external";
  /**
   * false only for actions that change nothing but the caller's own view
   * (such as switching the current tenant); refusals are recorded regardless.
   */
  audited?: boolean;
  /** Targets (and anything else) known from the input alone, so that even a pending intent names what it is about. */
  describe?: (input: z.output<S>) => Partial<AuditNote>;
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
  /** In local mode, the transaction the audit event commits in. */
  db: Db | Prisma.TransactionClient;
  audit: AuditNote;
}

export interface ActionEnv {
  db: Db;
  staff: () => Promise<Staff | null>;
  meta: () => Promise<{ ip: string; userAgent: string | null }>;
}

const NOT_SIGNED_IN = "Your session has ended. Sign in again.";

/**
 * auth → permission → zod input → tenant scope → run → audit, the one path
 * every server action takes. Never throws: the browser only sees a Result.
 */
export async function runAction<S extends z.ZodType, T>(
  def: ActionDef<S>,
  body: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
  raw: unknown,
  env: ActionEnv,
): Promise<Result<T>> {
  const meta = await env.meta();
  const staff = await env.staff();
  const deny = async (reason: string, tenantId: string | null = null, actor = staff) => {
    await recordAudit(env.db, {
      action: def.name, actor: actor && { id: actor.id, email: actor.email, name: actor.name },
      ...meta, tenantId, outcome: "denied", reason,
    });
  };

  if (!staff) {
    await deny("not signed in", null, null);
    return { ok: false, error: NOT_SIGNED_IN };
  }
  if (!can(staff.role, def.perm)) {
    await deny(`role ${staff.role} lacks ${def.perm} (needs ${PERMISSIONS[def.perm]})`);
    return { ok: false, error: `Your role (${staff.role}) may not do this: it needs ${PERMISSIONS[def.perm]}.` };
  }

  const parsed = def.input.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    return {
      ok: false,
      error: flat.formErrors[0] ?? "Some fields need attention.",
      fieldErrors: flat.fieldErrors as Record<string, string[]>,
    };
  }
  const input = parsed.data;
  const undoOf = (input as { undoOf?: unknown } | null)?.undoOf;

  const tenantId = def.tenant?.(input) ?? null;
  if (def.tenant && (!tenantId || !staff.tenantIds.includes(tenantId))) {
    // Out of scope reads as "not found": a tenant's existence is not disclosed.
    await deny(`tenant ${tenantId ?? "(none)"} is not in the caller's scope`, tenantId ?? null);
    return { ok: false, error: "Not found." };
  }

  const actor = { id: staff.id, email: staff.email, name: staff.name };
  const event = (note: AuditNote) => ({
    action: def.name, actor, ...meta, tenantId, vendor: note.vendor ?? null,
    // An inverse run as an undo names the event it undoes (see lib/undo).
    targets: typeof undoOf === "string" ? [...note.targets, undoTarget(undoOf)] : note.targets,
    before: note.before, after: note.after,
  });
  const fail = async (err: unknown, note: AuditNote, correlationId: string | null = null): Promise<Result<T>> => {
    const expected = err instanceof ActionError;
    if (!expected) console.error(`[action ${def.name}]`, err);
    const reason = err instanceof Error ? err.message : String(err);
    await recordAudit(env.db, { ...event(note), outcome: "failure", reason, correlationId });
    return { ok: false, error: expected ? reason : "The action failed unexpectedly; the failure is in the audit log." };
  };

  const initialNote = (): AuditNote => ({ targets: [], ...def.describe?.(input) });

  if ((def.mode ?? "local") === "local") {
    const note = initialNote();
    try {
      let eventId: string | undefined;
      const data = await env.db.$transaction(async (tx) => {
        const out = await body(input, { staff, tenantId, db: tx, audit: note });
        if (def.audited !== false) eventId = (await recordAudit(tx, { ...event(note), outcome: "success" })).id;
        return out;
      });
      return { ok: true, data, eventId };
    } catch (err) {
      return fail(err, note);
    }
  }

  const note = initialNote();
  const intent = await recordAudit(env.db, { ...event(note), outcome: "pending" });
  try {
    const data = await body(input, { staff, tenantId, db: env.db, audit: note });
    const done = await recordAudit(env.db, { ...event(note), outcome: "success", correlationId: intent.id });
    return { ok: true, data, eventId: done.id };
  } catch (err) {
    return fail(err, note, intent.id);
  }
}
