import type { Permission } from "../auth/permissions";
import { offboardingRunbook } from "../offboarding/runbook";
import { OPERATIONS } from "../operations/catalogue";
import { toBulkOperation } from "../operations/derive/bulk";
import { currentOperationId } from "../operations/former-ids";
import { offers } from "../operations/operation";
import type { VendorId } from "../vendors/connection-fields";
import type { BulkOperation } from "./operation";
import type { BulkRunbook } from "./runbook";

/** Every bulk operation, in the order the Bulk page offers them. */
export const BULK_OPERATIONS: BulkOperation<never>[] = OPERATIONS.filter((op) => offers(op, "csv")).map(
  toBulkOperation,
) as unknown as BulkOperation<never>[];

/** Jobs of several steps across vendors (BulkRow.operation names each row's step). */
export const BULK_RUNBOOKS: BulkRunbook[] = [offboardingRunbook];

export function bulkRunbook(id: string): BulkRunbook | null {
  return BULK_RUNBOOKS.find((r) => r.id === id) ?? null;
}

/** An operation of the catalogue, or a runbook's step (some steps exist only within a runbook), by any id it had. */
export function bulkOperation(given: string): BulkOperation<Record<string, unknown>> | null {
  const id = currentOperationId(given);
  return (
    (BULK_OPERATIONS.find((o) => o.id === id) as unknown as BulkOperation<Record<string, unknown>>) ??
    BULK_RUNBOOKS.flatMap((r) => r.steps).find((o) => o.id === id) ??
    null
  );
}

/** What a job page and the confirm step need of a job's operation or runbook. */
export interface JobKind {
  id: string;
  label: string;
  description: string;
  destructive: boolean;
  vendor: VendorId | null;
  runbook: BulkRunbook | null;
  /** Needed beyond bulk.apply to plan, confirm or retry it. */
  perm?: Permission;
}

/** A job's operation or runbook, by any id its operation had. */
export function bulkJobKind(given: string): JobKind | null {
  const id = currentOperationId(given);
  const runbook = bulkRunbook(id);
  if (runbook)
    return {
      id,
      label: runbook.label,
      description: runbook.description,
      destructive: runbook.destructive,
      vendor: null,
      runbook,
      perm: runbook.perm,
    };
  const op = BULK_OPERATIONS.find((o) => o.id === id);
  return op
    ? {
        id,
        label: op.label,
        description: op.description,
        destructive: op.destructive,
        vendor: op.vendor,
        runbook: null,
        perm: op.perm,
      }
    : null;
}

/** The CSV template of an operation: its header row and one example row. */
export function templateCsv(op: BulkOperation<never>): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return (
    `${op.columns.map((c) => quote(c.header)).join(",")}\r\n` +
    `${op.columns.map((c) => quote(c.example)).join(",")}\r\n`
  );
}
