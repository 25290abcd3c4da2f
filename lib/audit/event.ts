import { z } from "zod";
import { VENDOR_IDS } from "../vendors/connection-fields";
import type { AuditAction } from "./event-types";

export const AUDIT_OUTCOMES = ["success", "failure", "denied", "pending"] as const;

export const AuditTarget = z.object({
  type: z.string().min(1),
  id: z.string().min(1),
  label: z.string().optional(),
});
export type AuditTarget = z.infer<typeof AuditTarget>;

export const AuditActor = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
});
export type AuditActor = z.infer<typeof AuditActor>;

const base = {
  /** Dotted, lower-case: `<area>.<resource>.<verb>` or `<area>.<verb>`, e.g. `trugrid.mfa.turned_off`. */
  action: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, "dotted lower-case action name"),
  actor: AuditActor.nullable(),
  ip: z.string().nullable().default(null),
  userAgent: z.string().nullable().default(null),
  tenantId: z.string().nullable().default(null),
  vendor: z.enum(VENDOR_IDS).nullable().default(null),
  targets: z.array(AuditTarget).default([]),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  jobId: z.string().nullable().default(null),
  /** The reason or ticket number the staff member gave for the change (see CHANGE_REASON_FIELD). */
  changeReason: z.string().min(1).nullable().default(null),
  correlationId: z.uuid().nullable().default(null),
};

/**
 * What callers hand to recordAudit(), by outcome: a refusal or a failure must
 * say why; a success or a pending intent may not carry a reason.
 */
export const AuditEventInput = z.discriminatedUnion("outcome", [
  z.object({ ...base, outcome: z.literal("success"), reason: z.null().default(null) }),
  z.object({ ...base, outcome: z.literal("pending"), reason: z.null().default(null) }),
  z.object({ ...base, outcome: z.literal("failure"), reason: z.string().min(1) }),
  z.object({ ...base, outcome: z.literal("denied"), reason: z.string().min(1) }),
]);
/**
 * Typed by name: an event's action is one of the catalogue's (lib/audit/event-types.ts); the schema checks its
 * form.
 */
type Named<T> = T extends unknown ? Omit<T, "action"> & { action: AuditAction } : never;
export type AuditEventInput = Named<z.input<typeof AuditEventInput>>;

/** The fields covered by the hash, in the form they take after a round trip through Postgres. */
export interface HashedFields {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  ip: string | null;
  userAgent: string | null;
  action: string;
  tenantId: string | null;
  vendor: string | null;
  targets: unknown;
  before: unknown;
  after: unknown;
  outcome: string;
  reason: string | null;
  /** Left out of the hashed text when there is none: events written before it existed keep their hashes. */
  changeReason?: string;
  jobId: string | null;
  correlationId: string | null;
}
