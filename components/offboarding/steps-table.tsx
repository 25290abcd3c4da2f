"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { PLAN_VARIANT, STATUS_VARIANT } from "@/components/bulk/row-badges";
import type { BulkRowView } from "@/components/bulk/rows-table";
import { UndoCell } from "@/components/bulk/undo-row";
import { DataTable } from "@/components/data-table/data-table";
import { UrlSelect } from "@/components/data-table/url-filters";
import { Badge } from "@/components/ui/badge";
import type { TableState } from "@/lib/table/params";

/**
 * A bulk row of an offboarding job, read as a step: who, what, and whether it can be undone, instead of the raw input.
 */
export interface StepRowView extends Omit<BulkRowView, "input"> {
  person: string;
  step: string;
  undoable: boolean;
  detail: string;
  undo: { state: "available" | "undone" | "none"; eventId: string; label: string | null } | null;
}

// Ids and bookkeeping fields are in the stored plan for the apply and the undo, not for reading.
const HIDDEN = new Set([
  ...["userId", "groupId", "memberId", "deviceId", "kind", "how", "name", "group"],
  ...["fromType", "fromId", "toType", "toId", "systemId"],
]);
const text = (v: unknown) => (v === null || v === undefined ? "—" : String(v));

/** Only what the step changes ("state: ACTIVE → DISABLED"); for a step already done, the state it is in. */
function change(plan: string, before: unknown, after: unknown): { text: string; note?: string } {
  const b = (before ?? {}) as Record<string, unknown>;
  if (after === null || after === undefined) return { text: plan === "no_change" ? "already deleted" : "deleted" };
  const a = after as Record<string, unknown>;
  if (typeof a.nothing === "string") return { text: a.nothing };
  // What the step sets is what its plan's after names; the rest of before (names, counts) is context, not a change.
  const keys = Object.keys(a).filter((k) => !HIDDEN.has(k));
  const changed = keys.filter((k) => text(b[k]) !== text(a[k]));
  const note = typeof a.how === "string" ? a.how : undefined;
  if (changed.length) return { text: changed.map((k) => `${k}: ${text(b[k])} → ${text(a[k])}`).join("; "), note };
  return { text: `already ${keys.map((k) => `${k}: ${text(b[k])}`).join("; ")}`, note };
}

const columns = (canUndo: boolean): ColumnDef<StepRowView, unknown>[] => [
  { id: "line", meta: { label: "Step #", sortKey: "line" }, enableHiding: false, cell: ({ row }) => row.original.line },
  {
    id: "person",
    meta: { label: "Person" },
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.person}</span>,
  },
  {
    id: "step",
    meta: { label: "Step" },
    cell: ({ row }) => (
      <span data-testid="step-label">
        {row.original.step}
        {row.original.detail ? <span className="text-muted-foreground"> · {row.original.detail}</span> : null}
        {row.original.undoable ? null : (
          <Badge variant="warning" className="ml-1">
            cannot be undone
          </Badge>
        )}
      </span>
    ),
  },
  {
    id: "plan",
    meta: { label: "Plan" },
    cell: ({ row }) => (
      <Badge variant={PLAN_VARIANT[row.original.plan as keyof typeof PLAN_VARIANT]}>
        {row.original.plan.replace("_", " ")}
      </Badge>
    ),
  },
  {
    id: "change",
    meta: { label: "Before → after" },
    cell: ({ row }) =>
      row.original.plan === "error" ? (
        <span className="text-destructive" data-testid="row-error">
          {row.original.planError}
        </span>
      ) : (
        (() => {
          const c = change(row.original.plan, row.original.before, row.original.after);
          return (
            <span className="text-xs" data-testid="step-change">
              {c.text}
              {c.note ? <span className="block text-muted-foreground">{c.note}</span> : null}
            </span>
          );
        })()
      ),
  },
  {
    id: "status",
    meta: { label: "Result", sortKey: "status" },
    cell: ({ row }) => (
      <Badge variant={STATUS_VARIANT[row.original.status as keyof typeof STATUS_VARIANT]} data-testid="step-status">
        {row.original.status}
      </Badge>
    ),
  },
  {
    id: "message",
    meta: { label: "Vendor's message" },
    cell: ({ row }) => (
      <span className="text-xs" data-testid="row-message">
        {row.original.vendorMessage ?? ""}
        {row.original.attempts > 1 ? ` (attempt ${row.original.attempts})` : ""}
      </span>
    ),
  },
  {
    id: "undo",
    meta: { label: "Undo" },
    cell: ({ row }) => <UndoCell undo={row.original.undo} line={row.original.line} canUndo={canUndo} prefix="step" />,
  },
];

const PLANS = ["update", "no_change", "error"].map((v) => ({ value: v, label: v.replace("_", " ") }));
const STATUSES = ["pending", "succeeded", "failed", "unknown", "skipped", "cancelled"].map((v) => ({
  value: v,
  label: v,
}));

/** An offboarding job's rows: one per step per person, in the order they run, each with its result and Undo. */
export function OffboardingStepsTable({
  rows,
  total,
  state,
  canUndo,
}: {
  rows: StepRowView[];
  total: number;
  state: TableState<string>;
  canUndo: boolean;
}) {
  return (
    <DataTable
      columns={columns(canUndo)}
      rows={rows}
      total={total}
      state={state}
      getRowId={(r) => r.id}
      searchLabel="Search people and messages"
      testId="offboarding-steps"
      filters={
        <>
          <UrlSelect param="plan" label="Plan" options={PLANS} />
          <UrlSelect param="status" label="Result" options={STATUSES} />
        </>
      }
    />
  );
}
