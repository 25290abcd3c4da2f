import type { z } from "zod";
import type { AuditTarget } from "../audit/event";
import type { AuditAction } from "../audit/event-types";
import type { Permission } from "../auth/permissions";
import type { Staff } from "../auth/staff";
import type { ColumnSpec } from "../bulk/headers";
import type { Db } from "../db/client";
import type { UndoableEvent } from "../undo/inverse";
import type { Surface, VendorClient } from "../vendors/client-for";
import type { VendorId } from "../vendors/connection-fields";
import type { OpenConnection } from "../vendors/load-connection";

/**
 * One vendor operation, written once: its id names it everywhere (the audit
 * action, the bulk operation, the undo registry, the API), and every surface
 * that offers it (a page's server action, a CSV upload, a runbook step, an
 * undo) is derived from this definition in lib/operations/derive/.
 */

/** read: changes nothing; reversible: an inverse puts it back; destructive and irreversible: nothing can. */
export type Risk = "read" | "reversible" | "destructive" | "irreversible";

export type PlanKind = "create" | "update" | "no_change";

/** Where a person can start an operation: its page's server action, a CSV upload, a runbook's step. */

export interface CacheContext {
  db: Db;
  tenantId: string;
}

/** What every step of an operation is given. */
export interface OpContext<V extends VendorId = VendorId> extends CacheContext {
  client: VendorClient<V>;
  connection: OpenConnection;
  surface: Surface;
}

/** What the cache knows of one item before the change, or why it may not be sent. */
/** `item`: the item as it will be sent, when the cache spells it differently (the vendor's case of a name). */
export type Before<S, I = object> = { state: S; plan?: PlanKind; item?: I } | { refused: string };

/** One item's answer, in the vendor's words; `answer` is what the vendor returned for it, when it says more. */
export interface Outcome<A = unknown> {
  ok: boolean;
  message: string;
  answer?: A;
}

export interface Sent<I, S> {
  item: I;
  state: S;
}

export interface Done<I, S, A = unknown> extends Sent<I, S> {
  outcome: Outcome<A>;
}

/**
 * How a server action takes many items: one list field, of items or of bare
 * values (`of` names the item's field they fill), with any fields given once
 * for every item (`common`).
 */
export interface ListInput {
  field: string;
  of?: string;
  common?: readonly string[];
  max: number;
  /** Said when the list is empty. */
  empty: string;
}

/**
 * A sheet's row as the cache knows it: refused (why), or its before-state
 * when the check read it; `after`, the plan's after column when the check
 * knows more than `expect` can say from the item (what the cache calls a name).
 */
export type Checked<S> = { state?: S; plan?: PlanKind; refused?: string; after?: unknown };

export interface CsvSpec<I, S, R = I> {
  /** What a sheet holds: an item, or the names a person types for one (an email for a user id). */
  row: z.ZodType<R>;
  columns: readonly ColumnSpec[];
  /** Two rows with the same key are duplicates within a file. */
  key: (row: R) => string;
  /**
   * Which rows may be planned at all (a UPN the last sync saw, an email the
   * cache knows), with their before-state when the same look-up reads it
   * (saving the `before` query on files of 100,000 rows). Required with
   * `toItem`: the state is where a row's vendor ids are kept.
   */
  check?: (ctx: CacheContext, rows: R[]) => Promise<Checked<S>[]>;
  /** The item a row sends, from the row and the state its plan recorded. Absent: the row is the item. */
  toItem?: (row: R, state: S) => I;
}

export interface InverseSpec {
  /** The operation that undoes this one. */
  op: AuditAction;
  /** The Undo button's label. */
  label: string;
  /** The inverse's items from what the event recorded (in any shape it was ever recorded in); null: nothing to undo. */
  items: (event: UndoableEvent) => Record<string, unknown>[] | null;
}

export interface OperationDef<I extends object = Record<string, unknown>, S = unknown, A = unknown> {
  /** The audit action it is recorded under (lib/audit/event-types.ts), and its name on every surface. */
  id: AuditAction;
  vendor: VendorId;
  /** The verb as a button says it: "Turn MFA off". */
  label: string;
  /** What it does, in a sentence or two: the bulk page's description and the API's. */
  help: string;
  perm: Permission;
  /** A further permission some items call for (a role above member), checked like `perm`. */
  permFor?: (items: I[]) => Permission | null;
  risk: Risk;
  /** Sending it twice does no harm: a row left in flight by a crash is resent rather than checked. */
  idempotent: boolean;
  /** One item, in the vendor's terms: the schema every surface's input is checked with. */
  input: z.ZodObject;
  /** Absent: the action takes exactly one item. */
  list?: ListInput;
  /** Items per vendor request. */
  chunk: number;
  /**
   * Set: a page's items the cache plans as no change are not sent, and when
   * that is every item the action refuses in these words (a sheet plans them
   * as no change, which is never sent either).
   */
  nothingToDo?: string;
  /** How a toast names an item; default its list value, or its first field. */
  name?: (item: I) => string;
  before: (ctx: CacheContext, items: I[]) => Promise<Before<S, I>[]>;
  /** The plan's "after" column. */
  expect: (item: I, state: S) => unknown;
  /** Sends one chunk; one outcome per item, in order. */
  call: (ctx: OpContext, chunk: Sent<I, S>[]) => Promise<Outcome<A>[]>;
  /** Keeps the cache in step with the items that succeeded, in the shape the sync writes. */
  /** `actor`: whom the cache's "last set by" names. */
  cache?: (ctx: CacheContext & { actor: Staff }, done: Done<I, S, A>[]) => Promise<void>;
  /** A non-idempotent item left in doubt: true = it took effect, false = it did not, null = the vendor cannot tell. */
  verify?: (ctx: OpContext, sent: Sent<I, S>) => Promise<boolean | null>;
  /** Required when risk is "reversible". */
  inverse?: InverseSpec;
  /** Why no undo reverses it: required unless reversible or a read. */
  irreversible?: string;
  audit: {
    /**
     * `state`, once the cache was read: the labels and related objects it knows (a device's user). `answer`,
     * once the vendor answered: what it made (a created object's id); a sheet's row gives its `after` there:
     * the vendor's answer, else the plan's after. `tenantId`: what names a tenant-wide item (a domain) before
     * the state does.
     */
    targets: (item: I, state?: S, answer?: A, tenantId?: string) => AuditTarget[];
    before: (sent: Sent<I, S>[]) => unknown;
    after: (done: Done<I, S, A>[]) => unknown;
  };
  /** Where it is offered; absent: a page's server action, and the Bulk page when it has a `csv`. */
  surfaces?: readonly OfferedOn[];
  /** Absent: not offered in bulk. A runbook step's rows are checked and keyed by it too. */
  // biome-ignore lint/suspicious/noExplicitAny: a sheet's row type is the module's own business.
  csv?: CsvSpec<I, S, any>;
  /** The id its sheet had before operations had one id: a URL or an API call that still names it is understood. */
  formerBulkId?: string;
  /** What the page's toast says was done, before the vendor's words. */
  done: string | ((items: I[]) => string);
  /** What the page's action returns, when not the per-item outcome (ItemsOutcome): the state the vendor answered. */
  result?: (done: Done<I, S, A>[]) => unknown;
}

/**
 * "page": a server action (a page's, an undo's); "csv": the Bulk page's
 * uploads; "runbook": a runbook's step only, when no page can offer it (a
 * removal TruGrid can only do by clearing a whole group and setting the rest again).
 */
export type OfferedOn = "page" | "csv" | "runbook";

/** Whether an operation is offered on a surface (see `surfaces`). */
export function offers(op: Pick<OperationDef, "surfaces" | "csv">, on: OfferedOn): boolean {
  if (op.surfaces) return op.surfaces.includes(on);
  return on === "page" || (on === "csv" && op.csv !== undefined);
}

/** Declares an operation; the identity, so that its types are checked where it is written. */
export function operation<I extends object, S, A = unknown>(def: OperationDef<I, S, A>) {
  return def;
}

// biome-ignore lint/suspicious/noExplicitAny: a catalogue holds operations of every item, state and answer type.
export type AnyOperation = OperationDef<any, any, any>;
