import type { AuditTarget } from "../audit/event";
import type { AuditAction } from "../audit/event-types";
import { recordAudit } from "../audit/record";
import type { Staff } from "../auth/staff";
import type { Db } from "../db/client";
import type { VendorId } from "../vendors/connection-fields";

/** Exports take data out of the console: who took which table, filtered how, is in the audit log. */
export function recordExport(
  db: Db,
  staff: Staff,
  meta: { ip: string | null; userAgent: string | null },
  e: { action: AuditAction; tenantId: string; vendor?: VendorId; target: AuditTarget; filter: object },
) {
  return recordAudit(db, {
    action: e.action,
    actor: { id: staff.id, email: staff.email, name: staff.name },
    ...meta,
    tenantId: e.tenantId,
    vendor: e.vendor ?? null,
    outcome: "success",
    targets: [e.target],
    after: e.filter,
  });
}
