"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { type MouseEvent, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { ExportButton } from "@/components/data-table/export-button";
import { SavedViews } from "@/components/data-table/saved-views";
import { UrlSelect } from "@/components/data-table/url-filters";
import { badgeVariants } from "@/components/ui/badge";
import { Clip } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { words } from "@/lib/format/words";
import type { TableState } from "@/lib/table/params";
import type { DeviceRow } from "@/lib/truu/list-devices";
import { ASSURANCE_LEVELS, DEVICE_TYPES, STALE_DAYS } from "@/lib/truu/options";
import { cn } from "@/lib/ui/cn";
import type { TableViewItem } from "@/lib/views/list-views";
import { AssuranceBadge } from "./assurance-badge";
import { type DeletableDevice, DeleteDeviceButton, DeleteDevices } from "./delete-devices";

const dash = <span className="text-muted-foreground">—</span>;
// Badge classes worked out once rather than merged on every row.
const ACTIVE = badgeVariants({ variant: "success" });
const INACTIVE = badgeVariants({ variant: "warning" });

/**
 * Client-side navigation for the table's plain links (`data-app-link`), one
 * handler for all rows; modified clicks (new tab, …) keep the browser's own.
 */
function useAppLinks() {
  const router = useRouter();
  return (e: MouseEvent<HTMLElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element).closest?.("a[data-app-link]");
    const href = a?.getAttribute("href");
    if (!href?.startsWith("/")) return;
    e.preventDefault();
    router.push(href);
  };
}

function columnsFor(now: number, onDelete: ((d: DeviceRow) => void) | null): ColumnDef<DeviceRow, unknown>[] {
  const cols: ColumnDef<DeviceRow, unknown>[] = [
    {
      id: "name",
      meta: { label: "Device", sortKey: "name" },
      enableHiding: false,
      cell: ({ row }) => (
        <span className="flex items-center gap-2 whitespace-nowrap">
          <Clip text={row.original.deviceName ?? row.original.vendorId} className="max-w-[14rem] font-medium" />
          {/* Where the Active column is dropped, an inactive device still says so. */}
          {row.original.active ? null : <span className={cn(INACTIVE, "@6xl:hidden")}>inactive</span>}
        </span>
      ),
    },
    {
      id: "type",
      meta: { label: "Type", sortKey: "type" },
      cell: ({ row }) =>
        row.original.type ? (
          <span className="whitespace-nowrap" title={row.original.type}>
            {words(row.original.type)}
          </span>
        ) : (
          dash
        ),
    },
    {
      id: "user",
      meta: { label: "User", sortKey: "user" },
      cell: ({ row }) => {
        const d = row.original;
        if (!d.userGuid) return dash;
        // A plain link (navigated in the app by the table's click handler): a Link per row costs render time
        // on the server and prefetches every user page shown.
        return (
          <a href={`/truu/users/${encodeURIComponent(d.userGuid)}`} data-app-link="" className="block">
            <span className="link block max-w-[14rem] truncate">{d.userUpn ?? d.userGuid}</span>
            {d.userDisplayName ? (
              <span className="cell-detail block text-xs text-muted-foreground">{d.userDisplayName}</span>
            ) : null}
          </a>
        );
      },
    },
    {
      id: "app",
      // Dropped first where the table is narrow: a version is for diagnosis, not for finding a device.
      meta: { label: "App / SDK", className: "hidden @7xl:table-cell" },
      cell: ({ row }) => (
        <span className="text-xs">{`${row.original.appVersion ?? "—"} / ${row.original.sdkVersion ?? "—"}`}</span>
      ),
    },
    {
      id: "os",
      meta: { label: "OS" },
      cell: ({ row }) => <Clip text={row.original.softwareIdentifier ?? "—"} className="max-w-[8rem] text-xs" />,
    },
    {
      id: "lastHeard",
      meta: { label: "Last heard", sortKey: "lastHeard" },
      cell: ({ row }) => <When at={row.original.lastHeardFrom} mode="relative" now={now} missing="never" />,
    },
    {
      id: "assurance",
      meta: { label: "Assurance", sortKey: "assurance" },
      cell: ({ row }) => <AssuranceBadge level={row.original.assuranceLevel} />,
    },
    {
      id: "active",
      meta: { label: "Active", className: "hidden @6xl:table-cell" },
      cell: ({ row }) =>
        row.original.active ? <span className={ACTIVE}>active</span> : <span className={INACTIVE}>inactive</span>,
    },
    {
      id: "created",
      meta: { label: "Created", sortKey: "created", className: "hidden @6xl:table-cell" },
      cell: ({ row }) => <When at={row.original.createdAtVendor} />,
    },
  ];
  if (onDelete) {
    cols.push({
      id: "actions",
      meta: { label: "Actions" },
      enableHiding: false,
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => (
        <DeleteDeviceButton
          name={row.original.deviceName ?? row.original.vendorId}
          onClick={() => onDelete(row.original)}
        />
      ),
    });
  }
  return cols;
}

export const TYPE_OPTIONS = DEVICE_TYPES.map((t) => ({ value: t, label: words(t) }));
export const ASSURANCE_OPTIONS = Object.entries(ASSURANCE_LEVELS).map(([value, label]) => ({ value, label }));

export function DevicesTable({
  rows,
  total,
  estimated,
  state,
  now,
  tenantId,
  canDelete,
  canShare,
  views,
}: {
  rows: DeviceRow[];
  total: number;
  estimated: boolean;
  state: TableState<string>;
  now: number;
  tenantId: string;
  canDelete: boolean;
  canShare: boolean;
  views: TableViewItem[];
}) {
  const [deleting, setDeleting] = useState<DeletableDevice | null>(null);
  const onClick = useAppLinks();
  return (
    /* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: only routes clicks on
       the table's links, which are focusable and whose Enter key fires the click that bubbles here */
    <div onClick={onClick}>
      {deleting ? (
        <DeleteDevices
          tenantId={tenantId}
          devices={[deleting]}
          open
          onOpenChange={(o) => {
            if (!o) setDeleting(null);
          }}
        />
      ) : null}
      <DataTable
        columns={columnsFor(now, canDelete ? setDeleting : null)}
        rows={rows}
        total={total}
        totalEstimated={estimated}
        state={state}
        getRowId={(r) => r.vendorId}
        searchLabel="Search device, user UPN or name"
        testId="truu-devices-table"
        filters={
          <>
            <UrlSelect param="type" label="Type" options={TYPE_OPTIONS} />
            <UrlSelect param="assurance" label="Assurance" options={ASSURANCE_OPTIONS} />
            <UrlSelect
              param="active"
              label="Active"
              options={[
                { value: "yes", label: "yes" },
                { value: "no", label: "no" },
              ]}
            />
            <UrlSelect
              param="stale"
              label="Not heard from in"
              options={STALE_DAYS.map((d) => ({ value: d, label: `${d} days` }))}
              allLabel="any"
            />
          </>
        }
        tools={
          <>
            <SavedViews table="truu.devices" tenantId={tenantId} views={views} canShare={canShare} />
            <ExportButton href="/api/truu/devices/export" tenantId={tenantId} />
          </>
        }
        selectionActions={
          canDelete
            ? (selected, clear) => <DeleteDevices tenantId={tenantId} devices={selected} onDone={clear} />
            : undefined
        }
        emptyText="No devices match. Devices appear here after a TruU sync."
      />
    </div>
  );
}
