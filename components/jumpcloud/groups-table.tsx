"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { ExportButton } from "@/components/data-table/export-button";
import type { GroupRow } from "@/lib/jumpcloud/queries";
import type { TableState } from "@/lib/table/params";

export function GroupsTable({
  kind,
  rows,
  total,
  state,
  tenantId,
  tools,
}: {
  kind: "user_group" | "system_group";
  rows: GroupRow[];
  total: number;
  state: TableState<string>;
  tenantId: string;
  tools?: React.ReactNode;
}) {
  const base = kind === "user_group" ? "/jumpcloud/user-groups" : "/jumpcloud/system-groups";
  const columns: ColumnDef<GroupRow, unknown>[] = [
    {
      id: "name",
      meta: { label: "Name", sortKey: "name" },
      enableHiding: false,
      cell: ({ row }) => (
        <Link href={`${base}/${row.original.vendorId}`} className="link" data-testid="group-link">
          {row.original.name}
        </Link>
      ),
    },
    {
      id: "description",
      meta: { label: "Description" },
      cell: ({ row }) => row.original.description || <span className="text-muted-foreground">—</span>,
    },
    { id: "members", meta: { label: "Members", sortKey: "members" }, cell: ({ row }) => row.original.members },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      state={state}
      getRowId={(r) => r.vendorId}
      tools={
        <>
          <ExportButton href={`/api${base}/export`} tenantId={tenantId} />
          {tools}
        </>
      }
      searchLabel="Search group name"
      testId="jc-groups-table"
      emptyText="No groups match. Groups appear here after a JumpCloud sync."
    />
  );
}
