"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { ExportButton } from "@/components/data-table/export-button";
import { UrlSelect } from "@/components/data-table/url-filters";
import { Badge } from "@/components/ui/badge";
import { When } from "@/components/ui/when";
import type { SystemRow } from "@/lib/jumpcloud/queries";
import type { TableState } from "@/lib/table/params";

const columns: ColumnDef<SystemRow, unknown>[] = [
  {
    id: "name",
    meta: { label: "Name", sortKey: "name" },
    enableHiding: false,
    cell: ({ row }) => (
      <Link href={`/jumpcloud/systems/${row.original.vendorId}`} className="link" data-testid="system-link">
        {row.original.displayName || row.original.hostname || row.original.vendorId}
      </Link>
    ),
  },
  {
    id: "hostname",
    meta: { label: "Hostname" },
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.hostname ?? "—"}</span>,
  },
  {
    id: "os",
    meta: { label: "OS", sortKey: "os" },
    cell: ({ row }) => `${row.original.os ?? "—"} ${row.original.osVersion ?? ""}`,
  },
  {
    id: "serial",
    meta: { label: "Serial" },
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.serialNumber ?? "—"}</span>,
  },
  {
    id: "active",
    meta: { label: "Agent" },
    cell: ({ row }) =>
      row.original.active ? <Badge variant="success">active</Badge> : <Badge variant="warning">inactive</Badge>,
  },
  {
    id: "lastContact",
    meta: { label: "Last contact", sortKey: "lastContact" },
    cell: ({ row }) => <When at={row.original.lastContact} />,
  },
];

export function SystemsTable({
  rows,
  total,
  state,
  tenantId,
  osList,
}: {
  rows: SystemRow[];
  total: number;
  state: TableState<string>;
  tenantId: string;
  osList: string[];
}) {
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      state={state}
      getRowId={(r) => r.vendorId}
      searchLabel="Search name, hostname or serial"
      testId="jc-systems-table"
      filters={
        <>
          <UrlSelect
            param="active"
            label="Agent"
            options={[
              { value: "active", label: "active" },
              { value: "inactive", label: "inactive" },
            ]}
          />
          <UrlSelect param="os" label="OS" options={osList.map((o) => ({ value: o, label: o }))} />
        </>
      }
      tools={<ExportButton href="/api/jumpcloud/systems/export" tenantId={tenantId} />}
      emptyText="No systems match. Systems appear here after a JumpCloud sync."
    />
  );
}
