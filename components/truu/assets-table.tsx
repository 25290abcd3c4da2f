"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { ExportButton } from "@/components/data-table/export-button";
import { SavedViews } from "@/components/data-table/saved-views";
import { UrlSelect } from "@/components/data-table/url-filters";
import { When } from "@/components/ui/when";
import type { TableState } from "@/lib/table/params";
import type { AssetRow } from "@/lib/truu/list-assets";
import type { TableViewItem } from "@/lib/views/list-views";

const list = (values: string[]) =>
  values.length ? (
    <ul className="font-mono text-xs">
      {values.map((v) => (
        <li key={v}>{v}</li>
      ))}
    </ul>
  ) : (
    <span className="text-muted-foreground">—</span>
  );

function columnsFor(now: number): ColumnDef<AssetRow, unknown>[] {
  return [
    {
      id: "machine",
      meta: { label: "Machine", sortKey: "machine" },
      enableHiding: false,
      cell: ({ row }) => (
        <span>
          <span className="block font-medium">{row.original.machineName ?? row.original.vendorId}</span>
          {row.original.displayName && row.original.displayName !== row.original.machineName ? (
            <span className="cell-detail block text-xs text-muted-foreground">{row.original.displayName}</span>
          ) : null}
        </span>
      ),
    },
    {
      id: "type",
      meta: { label: "Type", sortKey: "type" },
      cell: ({ row }) => <span className="font-mono text-xs">{row.original.type ?? "—"}</span>,
    },
    {
      id: "hardware",
      meta: { label: "Hardware" },
      cell: ({ row }) => {
        const h = row.original.hardware;
        if (!h) return <span className="text-muted-foreground">—</span>;
        return (
          <span className="text-xs">
            <span className="block">{[h.manufacturer, h.model].filter(Boolean).join(" ") || "—"}</span>
            <span className="block text-muted-foreground">
              {[h.processor, h.serialNumber && `S/N ${h.serialNumber}`].filter(Boolean).join(" · ")}
            </span>
          </span>
        );
      },
    },
    { id: "ips", meta: { label: "IP addresses" }, cell: ({ row }) => list(row.original.ips) },
    { id: "macs", meta: { label: "MAC addresses" }, cell: ({ row }) => list(row.original.macs) },
    { id: "accounts", meta: { label: "Enrolled accounts" }, cell: ({ row }) => list(row.original.upns) },
    {
      id: "lastHeard",
      meta: { label: "Last heard" },
      cell: ({ row }) => <When at={row.original.lastHeardFrom} mode="relative" now={now} missing="never" />,
    },
  ];
}

export function AssetsTable({
  rows,
  total,
  state,
  now,
  tenantId,
  canShare,
  views,
}: {
  rows: AssetRow[];
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
      searchLabel="IP or MAC address, machine or account"
      testId="truu-assets-table"
      filters={
        <UrlSelect
          param="type"
          label="Type"
          options={[
            { value: "MAC_AGENT", label: "Mac" },
            { value: "WINDOWS_AGENT", label: "Windows" },
          ]}
        />
      }
      tools={
        <>
          <SavedViews table="truu.assets" tenantId={tenantId} views={views} canShare={canShare} />
          <ExportButton href="/api/truu/assets/export" tenantId={tenantId} />
        </>
      }
      emptyText={
        "No workstations match. A full IP or MAC address matches exactly; anything else matches part of a name, " +
        "account or address."
      }
    />
  );
}
