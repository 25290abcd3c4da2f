import type { z } from "zod";
import type { AuditTarget } from "../audit/event";
import type { AuditAction } from "../audit/event-types";
import type { Permission } from "../auth/permissions";
import type { Staff } from "../auth/staff";
import type { Db } from "../db/client";
import type { VendorId } from "../vendors/connection-fields";
import type { OpenConnection } from "../vendors/load-connection";
import type { ColumnSpec } from "./headers";

export type PlanKind = "create" | "update" | "no_change" | "error";

export interface PlannedRow {
  plan: PlanKind;
  before?: unknown;
  after?: unknown;
  error?: string;
}

/** A row's plan as stored: what the staff member was shown before confirming. */
export interface RowPlan {
  before: unknown;
  after: unknown;
}

/** One row's outcome at the vendor, with the vendor's own words. */
export interface RowOutcome {
  ok: boolean;
  message: string;
  /**
   * What the vendor answered, when it says more than the plan could (a new
   * object's id, the state re-read after the change): the audit event's
   * target and values see it as `after` instead of the plan's.
   */
  after?: unknown;
}

/** A row that succeeded: its stored plan, the vendor's words and what it answered the row became (RowOutcome.after). */
export interface SucceededRow {
  plan: RowPlan;
  message: string;
  after?: unknown;
}

export interface ApplyContext {
  db: Db;
  tenantId: string;
  connection: OpenConnection;
}

/**
 * One kind of bulk change: its CSV columns and row schema, how a row is
 * checked against the cache (the plan), and how rows are sent in
 * vendor-sized chunks (the apply).
 */
export interface BulkOperation<R = Record<string, unknown>> {
  id: string;
  vendor: VendorId;
  label: string;
  description: string;
  /** Removes something or cannot be undone: a plan over 10 rows needs its row count typed. */
  destructive: boolean;
  /**
   * Sending a row twice does no harm (turning MFA on). A row that is not
   * repeatable (a reset, a delete) and was in flight during a crash is
   * checked with `check`, or ends as "unknown", never resent blindly.
   */
  repeatable: boolean;
  /**
   * A permission needed beyond bulk.apply, when the matching console page
   * action is for a higher role (admin-only grants, roles): checked when the
   * plan is made, confirmed and retried, so a bulk file is no way around it.
   */
  perm?: Permission;
  columns: ColumnSpec[];
  row: z.ZodType<R>;
  /** Two rows with the same key are duplicates within the file. */
  key: (row: R) => string;
  plan: (db: Db, tenantId: string, rows: R[]) => Promise<PlannedRow[]>;
  /** Rows per vendor request (TruGrid takes 100), or 1 for one call per row. */
  chunkSize: number;
  /** `plans` are the rows' stored plans, in the same order (what the confirmation showed). */
  apply: (ctx: ApplyContext, rows: R[], plans: RowPlan[]) => Promise<RowOutcome[]>;
  /** For a non-repeatable row left in doubt: true = it took effect, false = it did not, null = cannot tell. */
  check?: (ctx: ApplyContext, row: R, plan: RowPlan) => Promise<boolean | null>;
  /**
   * Keeps the cache in step with rows that succeeded. `done` holds, in the
   * same order, each row's stored plan and what the vendor answered for it.
   */
  afterSuccess?: (db: Db, tenantId: string, rows: R[], actor: Staff, done: SucceededRow[]) => Promise<void>;
  audit: {
    action: AuditAction;
    /** The plan is given too: a target named by the vendor's id (which the CSV does not hold) comes from it. */
    /**
     * Several when the page action names several (a TruU user and the devices deleted with them); the first is the
     * row's subject.
     */
    target: (row: R, plan: RowPlan) => AuditTarget | AuditTarget[];
    /**
     * The event's before/after when not the plan's: the shape the matching
     * single-row action records, so that its undo also reverses a bulk row.
     * `outcome` is the row's final status and the vendor's words for it.
     */
    values?: (
      row: R,
      plan: RowPlan,
      outcome: { status: "succeeded" | "failed" | "unknown"; message: string },
    ) => { before: unknown; after: unknown };
    /**
     * Why no undo reverses a row: the vendor cannot put it back, or cannot
     * say what was there. Absent: the action's inverse (lib/undo/registry.ts)
     * undoes a row's event, as it does the page action's (lib/bulk/undo.test.ts
     * holds every operation to one or the other).
     */
    irreversible?: string;
  };
}

export function defineOperation<R>(op: BulkOperation<R>): BulkOperation<R> {
  return op;
}
