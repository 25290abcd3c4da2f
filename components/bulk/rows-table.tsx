"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { PLAN_VARIANT, STATUS_VARIANT } from "@/components/bulk/row-badges";
import { type RowUndo, UndoCell } from "@/components/bulk/undo-row";
import { DataTable } from "@/components/data-table/data-table";
import { UrlSelect } from "@/components/data-table/url-filters";
import { Badge } from "@/components/ui/badge";
import type { TableState } from "@/lib/table/params";

export interface BulkRowView {
  id: string;
  line: number;
  input: Record<string, string>;
  plan: string;
  planError: string | null;
  before: unknown;
  after: unknown;
  status: string;
  vendorMessage: string | null;
  attempts: number;
  /** Whether the row's audit event can be undone, once it succeeded (lib/bulk/undo-state.ts). */
  undo?: RowUndo;
}

const show = (v: unknown) =>
  v === null || v === undefined
    ? "—"
    : typeof v === "object"
      ? Object.entries(v as object)
          .map(([k, x]) => `${k}: ${x}`)
          .join(", ")
      : String(v);

const columns: ColumnDef<BulkRowView, unknown>[] = [
  { id: "line", meta: { label: "Row", sortKey: "line" }, enableHiding: false, cell: ({ row }) => row.original.line },
  {
    id: "input",
    meta: { label: "Input" },
    cell: ({ row }) => <span className="font-mono text-xs">{Object.values(row.original.input).join(" · ")}</span>,
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
        <span className="text-xs">
          {show(row.original.before)} → {show(row.original.after)}
        </span>
      ),
  },
  {
    id: "status",
    meta: { label: "Status", sortKey: "status" },
    cell: ({ row }) => (
      <Badge variant={STATUS_VARIANT[row.original.status as keyof typeof STATUS_VARIANT]}>{row.original.status}</Badge>
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
];

const undoColumn: ColumnDef<BulkRowView, unknown> = {
  id: "undo",
  meta: { label: "Undo" },
  cell: ({ row }) => <UndoCell undo={row.original.undo} line={row.original.line} canUndo prefix="row" />,
};

const PLANS = ["create", "update", "no_change", "error"].map((v) => ({ value: v, label: v.replace("_", " ") }));
const STATUSES = ["pending", "succeeded", "failed", "unknown", "skipped", "cancelled"].map((v) => ({
  value: v,
  label: v,
}));

export function BulkRowsTable({
  rows,
  total,
  state,
  canUndo = false,
}: {
  rows: BulkRowView[];
  total: number;
  state: TableState<string>;
  canUndo?: boolean;
}) {
  return (
    <DataTable
      columns={canUndo && rows.some((r) => r.undo) ? [...columns, undoColumn] : columns}
      rows={rows}
      total={total}
      state={state}
      getRowId={(r) => r.id}
      searchLabel="Search rows"
      testId="bulk-rows"
      filters={
        <>
          <UrlSelect param="plan" label="Plan" options={PLANS} />
          <UrlSelect param="status" label="Status" options={STATUSES} />
        </>
      }
    />
  );
}
