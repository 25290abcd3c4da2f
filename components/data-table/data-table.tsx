"use client";
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type RowSelectionState,
  useReactTable,
  type VisibilityState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TableState } from "@/lib/table/params";
import { cn } from "@/lib/ui/cn";
import { ColumnChooser } from "./column-chooser";
import { Pagination } from "./pagination";
import { UrlSearch } from "./url-filters";
import { useTableUrl } from "./use-table-url";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    /** Header text, also used by the column chooser. */
    label?: string;
    /** The server's sort key for this column; absent means not sortable. */
    sortKey?: string;
    /** On the column's header and cells: `hidden @5xl:table-cell` drops it where the table is narrower than 64rem. */
    className?: string;
  }
}

export interface DataTableProps<T> {
  /** Each column needs an `id` and `meta.label`; `meta.sortKey` makes its header sort on the server. */
  columns: ColumnDef<T, unknown>[];
  rows: T[];
  total: number;
  /** `total` is an estimate: the pager says "about". */
  totalEstimated?: boolean;
  state: TableState<string>;
  getRowId: (row: T) => string;
  searchLabel?: string;
  /** Filter controls (UrlSelect, …) shown beside the search box. */
  filters?: ReactNode;
  /** Buttons shown above the table, such as Export. */
  tools?: ReactNode;
  /** When given, rows get checkboxes and this renders the actions for the selected rows. */
  selectionActions?: (selected: T[], clear: () => void) => ReactNode;
  emptyText?: string;
  testId?: string;
}

/**
 * A cache table whose filtering, sorting and paging happen in Postgres: the
 * server page reads the URL, queries one page and passes it here; every
 * control here only changes the URL.
 */
export function DataTable<T>({
  columns,
  rows,
  total,
  totalEstimated,
  state,
  getRowId,
  searchLabel = "Search",
  filters,
  tools,
  selectionActions,
  emptyText = "No rows match.",
  testId = "data-table",
}: DataTableProps<T>) {
  const { set, pending } = useTableUrl();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  // A new page or filter is a new set of rows: a selection must never silently cover rows no longer shown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: rows is the trigger: new rows clear the selection
  useEffect(() => setRowSelection({}), [rows]);

  const columnVisibility = useMemo<VisibilityState>(
    () => Object.fromEntries(state.hidden.map((id) => [id, false])),
    [state.hidden],
  );
  const allColumns = useMemo<ColumnDef<T, unknown>[]>(() => {
    if (!selectionActions) return columns;
    const select: ColumnDef<T, unknown> = {
      id: "_select",
      enableHiding: false,
      header: ({ table }) => (
        <input
          type="checkbox"
          aria-label="Select all rows on this page"
          className="size-4 align-middle"
          checked={table.getIsAllPageRowsSelected()}
          ref={(el) => {
            if (el) el.indeterminate = table.getIsSomePageRowsSelected();
          }}
          onChange={table.getToggleAllPageRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label="Select row"
          className="size-4 align-middle"
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
        />
      ),
    };
    return [select, ...columns];
  }, [columns, selectionActions]);

  const table = useReactTable({
    data: rows,
    columns: allColumns,
    getRowId,
    state: { rowSelection, columnVisibility },
    onRowSelectionChange: setRowSelection,
    enableRowSelection: !!selectionActions,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
  });

  // Most renders have nothing selected: no need to walk the rows for it.
  const selected =
    Object.keys(rowSelection).length === 0 ? [] : table.getSelectedRowModel().rows.map((r) => r.original);
  // The visible columns once per render, rather than TanStack's getVisibleCells() asking every cell's
  // column whether it is visible and pinned (no column is pinned here): a few milliseconds on a 50-row page.
  const visible = new Set(table.getVisibleLeafColumns().map((c) => c.id));
  const hideable = columns
    .filter((c) => c.id && c.enableHiding !== false)
    .map((c) => ({ id: c.id!, label: c.meta?.label ?? c.id! }));

  const sortBy = (key: string) => {
    const dir = state.sort === key && state.dir === "asc" ? "desc" : "asc";
    set({ sort: key, dir });
  };

  return (
    // A container: a column's `meta.className` can hide it where the table has little room (`hidden @5xl:table-cell`).
    <div
      className="@container space-y-3"
      data-testid={testId}
      data-table-root=""
      data-column-labels={JSON.stringify(Object.fromEntries(hideable.map((c) => [c.id, c.label])))}
    >
      <div className="flex flex-wrap items-center gap-2">
        <UrlSearch label={searchLabel} />
        {filters}
        <div className="ml-auto flex items-center gap-2">
          {tools}
          {hideable.length > 1 ? (
            <ColumnChooser
              columns={hideable}
              hidden={state.hidden}
              onChange={(h) => set({ hide: h.join(",") }, { keepPage: true })}
            />
          ) : null}
        </div>
      </div>
      {selectionActions && selected.length > 0 ? (
        <section
          className="flex flex-wrap items-center gap-2 rounded-md border bg-muted/40 px-3 py-2 text-sm"
          aria-label="Selected rows"
        >
          <span data-testid="selected-count">{selected.length} selected</span>
          {selectionActions(selected, () => setRowSelection({}))}
        </section>
      ) : null}
      <div className={cn("transition-opacity", pending && "opacity-60")} aria-busy={pending}>
        <Table>
          <TableHeader>
            {table.getHeaderGroups().map((hg) => (
              <TableRow key={hg.id}>
                {hg.headers.map((h) => {
                  const meta = h.column.columnDef.meta;
                  const key = meta?.sortKey;
                  const active = key && state.sort === key;
                  // TanStack fills in a default header function, so the label takes precedence when given.
                  // The row-actions column is named for screen readers only, as ActionsHead names it.
                  const label = h.isPlaceholder ? null : h.column.id === "actions" ? (
                    <span className="sr-only">{meta?.label || "Actions"}</span>
                  ) : (
                    (meta?.label ?? flexRender(h.column.columnDef.header, h.getContext()))
                  );
                  return (
                    <TableHead
                      key={h.id}
                      className={meta?.className}
                      data-actions={h.column.id === "actions" ? "" : undefined}
                      aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : undefined}
                    >
                      {key ? (
                        <button
                          type="button"
                          onClick={() => sortBy(key)}
                          className="inline-flex items-center gap-1 uppercase hover:text-foreground"
                        >
                          {label}
                          {active ? (
                            state.dir === "asc" ? (
                              <ArrowUp className="size-3" />
                            ) : (
                              <ArrowDown className="size-3" />
                            )
                          ) : (
                            <ArrowUpDown className="size-3 opacity-40" />
                          )}
                        </button>
                      ) : (
                        label
                      )}
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {table.getRowModel().rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={allColumns.length} className="py-8 text-center text-muted-foreground">
                  {emptyText}
                </TableCell>
              </TableRow>
            ) : (
              table.getRowModel().rows.map((row) => (
                <TableRow
                  key={row.id}
                  data-testid="table-row"
                  data-state={row.getIsSelected() ? "selected" : undefined}
                >
                  {row
                    .getAllCells()
                    .filter((cell) => visible.has(cell.column.id))
                    .map((cell) => (
                      <TableCell key={cell.id} className={cell.column.columnDef.meta?.className}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </TableCell>
                    ))}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      <Pagination
        page={state.page}
        size={state.size}
        total={total}
        estimated={totalEstimated}
        onPage={(page) => set({ page: String(page) }, { keepPage: true })}
        onSize={(size) => set({ size: String(size) })}
      />
    </div>
  );
}
