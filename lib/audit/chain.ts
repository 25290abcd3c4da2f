import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import type { HashedFields } from "./event";

export const GENESIS_HASH = "0".repeat(64);

/** sha256(prevHash ‖ canonical JSON of the event), hex. */
export function eventHash(prevHash: string, fields: HashedFields): string {
  return chainHash(prevHash, canonicalJson(fields));
}

/** eventHash from the fields' canonical JSON, written ahead (it does not depend on the chain). */
export function chainHash(prevHash: string, canonicalFields: string): string {
  return createHash("sha256").update(prevHash).update(canonicalFields).digest("hex");
}

/** Rebuilds the hashed fields from a stored row (jsonb nulls and Dates normalised). */
export function hashedFieldsOf(row: {
  id: string;
  at: Date;
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
  changeReason?: string | null;
  jobId: string | null;
  correlationId: string | null;
}): HashedFields {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    actorName: row.actorName,
    ip: row.ip,
    userAgent: row.userAgent,
    action: row.action,
    tenantId: row.tenantId,
    vendor: row.vendor,
    targets: row.targets ?? [],
    before: row.before ?? null,
    after: row.after ?? null,
    outcome: row.outcome,
    reason: row.reason,
    // undefined members are not written into the canonical text.
    changeReason: row.changeReason ?? undefined,
    jobId: row.jobId,
    correlationId: row.correlationId,
  };
}
