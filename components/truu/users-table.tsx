"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { ExportButton } from "@/components/data-table/export-button";
import { SavedViews } from "@/components/data-table/saved-views";
import { UrlSelect } from "@/components/data-table/url-filters";
import { Clip } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import type { TableState } from "@/lib/table/params";
import type { UserRow } from "@/lib/truu/list-users";
import type { TableViewItem } from "@/lib/views/list-views";
import { AssuranceBadge } from "./assurance-badge";

function columnsFor(now: number): ColumnDef<UserRow, unknown>[] {
  return [
    {
      id: "upn",
      meta: { label: "UPN", sortKey: "upn" },
      enableHiding: false,
      cell: ({ row }) => (
        <Link
          href={`/truu/users/${encodeURIComponent(row.original.vendorId)}`}
          className="block max-w-[16rem] truncate link"
        >
          {row.original.upn || row.original.email || row.original.vendorId}
        </Link>
      ),
    },
    {
      id: "name",
      meta: { label: "Name", sortKey: "name" },
      cell: ({ row }) =>
        row.original.displayName ? (
          <span className="whitespace-nowrap">{row.original.displayName}</span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      id: "email",
      // Most often the UPN again: the first to give way where the table is narrow.
      meta: { label: "Email", className: "hidden @7xl:table-cell" },
      cell: ({ row }) => <Clip text={row.original.email ?? "—"} />,
    },
    {
      id: "devices",
      meta: { label: "Devices", sortKey: "devices" },
      cell: ({ row }) => <span data-testid="device-count">{row.original.devices}</span>,
    },
    {
      id: "assurance",
      meta: { label: "Best assurance" },
      cell: ({ row }) => <AssuranceBadge level={row.original.bestAssurance} />,
    },
    {
      id: "lastSynced",
      meta: { label: "Last synced", sortKey: "lastSynced" },
      cell: ({ row }) => <When at={row.original.lastSynced} mode="relative" now={now} missing="never" />,
    },
    {
      id: "created",
      meta: { label: "Enrolled", sortKey: "created" },
      cell: ({ row }) => <When at={row.original.createdAtVendor} />,
    },
  ];
}

export function UsersTable({
  rows,
  total,
  state,
  now,
  tenantId,
  canShare,
  views,
}: {
  rows: UserRow[];
  total: number;
  state: TableState<string>;
  now: number;
  tenantId: string;
  canShare: boolean;
  views: TableViewItem[];
}) {
  return (
    <DataTable
      columns={columnsFor(now)}
      rows={rows}
      total={total}
      state={state}
      getRowId={(r) => r.vendorId}
      searchLabel="Search UPN, email or name"
      testId="truu-users-table"
      filters={
        <UrlSelect
          param="devices"
          label="Devices"
          options={[
            { value: "yes", label: "some" },
            { value: "no", label: "none left" },
          ]}
          allLabel="any"
        />
      }
      tools={
        <>
          <SavedViews table="truu.users" tenantId={tenantId} views={views} canShare={canShare} />
          <ExportButton href="/api/truu/users/export" tenantId={tenantId} />
        </>
      }
      emptyText="No users match. Enrolled users appear here after a TruU sync."
    />
  );
}
