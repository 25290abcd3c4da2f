"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { ExportButton } from "@/components/data-table/export-button";
import { UrlSelect } from "@/components/data-table/url-filters";
import { Badge } from "@/components/ui/badge";
import type { PersonRow } from "@/lib/people/list-people";
import type { TableState } from "@/lib/table/params";

const VENDORS = [
  { value: "trugrid", label: "TruGrid" },
  { value: "truu", label: "TruU" },
  { value: "twingate", label: "Twingate" },
  { value: "jumpcloud", label: "JumpCloud" },
] as const;

const presence = (key: (typeof VENDORS)[number]["value"], label: string): ColumnDef<PersonRow, unknown> => ({
  id: key,
  meta: { label },
  cell: ({ row }) =>
    row.original[key] ? <Badge variant="success">yes</Badge> : <span className="text-muted-foreground">—</span>,
});

const columns: ColumnDef<PersonRow, unknown>[] = [
  {
    id: "email",
    meta: { label: "UPN / email", sortKey: "email" },
    enableHiding: false,
    cell: ({ row }) => (
      <Link href={`/people/${row.original.id}`} className="font-mono text-xs link">
        {row.original.emailNorm}
      </Link>
    ),
  },
  {
    id: "name",
    meta: { label: "Name", sortKey: "name" },
    cell: ({ row }) => row.original.displayName ?? <span className="text-muted-foreground">—</span>,
  },
  ...VENDORS.map((v) => presence(v.value, v.label)),
  {
    id: "devices",
    meta: { label: "Devices (TruU / Twingate)", sortKey: "vendors" },
    cell: ({ row }) => `${row.original.truuDevices} / ${row.original.twingateDevices}`,
  },
];

export function PeopleTable({
  rows,
  total,
  state,
  tenantId,
}: {
  rows: PersonRow[];
  total: number;
  state: TableState<string>;
  tenantId: string;
}) {
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      state={state}
      getRowId={(r) => r.id}
      searchLabel="Search name, UPN or email"
      testId="people-table"
      filters={
        <>
          <UrlSelect param="only" label="Known to" options={VENDORS} allLabel="any" />
          <UrlSelect param="missing" label="Missing from" options={VENDORS} allLabel="—" />
        </>
      }
      tools={<ExportButton href="/api/people/export" tenantId={tenantId} />}
      emptyText="No people match. People appear here after a sync of any vendor."
    />
  );
}
