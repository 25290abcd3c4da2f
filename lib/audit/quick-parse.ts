import { VENDOR_IDS } from "../vendors/connection-fields";
import { AuditEventInput } from "./event";

type Parsed = ReturnType<typeof AuditEventInput.parse>;

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const nullableString = (v: unknown): v is string | null | undefined =>
  v === undefined || v === null || typeof v === "string";

/**
 * AuditEventInput.parse for the common, valid case, written out by hand: a
 * bulk batch appends thousands of events, and the schema's generic parse is
 * a good part of each one's cost. Anything it does not recognise as plainly
 * valid (including every invalid input) goes to the schema itself, which
 * then gives the same result or the same error as always.
 */
export function parseAuditInput(input: AuditEventInput): Parsed {
  return quick(input) ?? AuditEventInput.parse(input);
}

function quick(e: AuditEventInput): Parsed | null {
  const outcome = e.outcome;
  let reason: string | null = null;
  if (outcome === "success" || outcome === "pending") {
    if (e.reason !== undefined && e.reason !== null) return null;
  } else if (outcome === "failure" || outcome === "denied") {
    if (typeof e.reason !== "string" || e.reason.length < 1) return null;
    reason = e.reason;
  } else return null;
  if (typeof e.action !== "string" || !ACTION.test(e.action)) return null;
  let actor: Parsed["actor"] = null;
  if (e.actor !== null) {
    const a = e.actor as Record<string, unknown> | undefined;
    if (
      !a ||
      typeof a !== "object" ||
      typeof a.id !== "string" ||
      typeof a.email !== "string" ||
      typeof a.name !== "string"
    )
      return null;
    actor = { id: a.id, email: a.email, name: a.name };
  }
  if (!nullableString(e.ip) || !nullableString(e.userAgent) || !nullableString(e.tenantId) || !nullableString(e.jobId))
    return null;
  if (!nullableString(e.changeReason) || e.changeReason === "") return null;
  if (e.vendor !== undefined && e.vendor !== null && !(VENDOR_IDS as readonly unknown[]).includes(e.vendor))
    return null;
  // A correlation id must be a UUID: left to the schema's check.
  if (e.correlationId !== undefined && e.correlationId !== null) return null;
  let targets: Parsed["targets"] = [];
  if (e.targets !== undefined) {
    if (!Array.isArray(e.targets)) return null;
    targets = [];
    for (const t of e.targets as unknown[]) {
      const x = t as Record<string, unknown> | null;
      if (
        !x ||
        typeof x !== "object" ||
        typeof x.type !== "string" ||
        x.type.length < 1 ||
        typeof x.id !== "string" ||
        x.id.length < 1
      )
        return null;
      if (x.label !== undefined && typeof x.label !== "string") return null;
      targets.push(x.label === undefined ? { type: x.type, id: x.id } : { type: x.type, id: x.id, label: x.label });
    }
  }
  const out: Record<string, unknown> = {
    action: e.action,
    actor,
    ip: e.ip ?? null,
    userAgent: e.userAgent ?? null,
    tenantId: e.tenantId ?? null,
    vendor: e.vendor ?? null,
    targets,
    jobId: e.jobId ?? null,
    changeReason: e.changeReason ?? null,
    correlationId: null,
    outcome,
    reason,
  };
  if ("before" in e) out.before = e.before;
  if ("after" in e) out.after = e.after;
  return out as Parsed;
}
