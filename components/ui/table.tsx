import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

// The frame scrolls a table wider than its space, itself and not the page: `relative` keeps its cells' absolutely
// placed screen-reader text inside it (else that text, at the table's far right, widens the whole page). A table
// with an actions column (`ActionsHead`) keeps that column stuck to the frame's right edge (globals.css).
export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="relative w-full overflow-x-auto rounded-md border bg-card" data-slot="table-frame">
      <table className={cn("w-full caption-bottom text-sm", className)} {...props} />
    </div>
  );
}
export const TableHeader = ({ className, ...p }: ComponentProps<"thead">) => (
  <thead className={cn("bg-muted", className)} {...p} />
);
export const TableBody = ({ className, ...p }: ComponentProps<"tbody">) => (
  <tbody className={cn("[&_tr:last-child]:border-0", className)} {...p} />
);
// Rows and cells render once per cell of a page of up to 200 rows: without an extra class there is nothing to merge.
const ROW = "border-b hover:bg-muted/40";
const CELL = "px-3 py-2 align-middle";
export const TableRow = ({ className, ...p }: ComponentProps<"tr">) => (
  <tr className={className ? cn(ROW, className) : ROW} {...p} />
);
export const TableHead = ({ className, ...p }: ComponentProps<"th">) => (
  <th
    className={cn(
      "h-9 whitespace-nowrap px-3 text-left align-middle text-xs font-medium uppercase tracking-wide " +
        "text-muted-foreground",
      className,
    )}
    {...p}
  />
);
export const TableCell = ({ className, ...p }: ComponentProps<"td">) => (
  <td className={className ? cn(CELL, className) : CELL} {...p} />
);

/** A table's header row of plain column names, with an unnamed last column for row actions when `actions`. */
export const TableHeadings = ({ columns, actions }: { columns: readonly string[]; actions?: boolean }) => (
  <TableHeader>
    <TableRow>
      {columns.map((c) => (
        <TableHead key={c}>{c}</TableHead>
      ))}
      {actions ? <ActionsHead /> : null}
    </TableRow>
  </TableHeader>
);

/** The header of a row-actions column, the table's last: named for screen readers, kept in view when it scrolls. */
export const ActionsHead = ({ label }: { label?: string }) => (
  <TableHead data-actions="">{label ?? <span className="sr-only">Actions</span>}</TableHead>
);

/** Text cut to its column's width, the whole of it on hover: long names and addresses keep rows one line high. */
export const Clip = ({ text, className }: { text: string; className?: string }) => (
  <span className={cn("block max-w-[18rem] truncate", className)} title={text}>
    {text}
  </span>
);
