"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { ExportButton } from "@/components/data-table/export-button";
import { UrlSelect } from "@/components/data-table/url-filters";
import { When } from "@/components/ui/when";
import type { TableState } from "@/lib/table/params";
import type { TrugridUserRow } from "@/lib/trugrid/list-users";
import { ItemResults, type ShownResult } from "./item-results";
import { StateCell } from "./state-cell";
import { UserActions } from "./user-actions";

const STATES = [
  { value: "on", label: "on" },
  { value: "off", label: "off" },
  { value: "unknown", label: "unknown" },
] as const;

const ip = (v: string | null) =>
  v ? <span className="font-mono text-xs">{v}</span> : <span className="text-muted-foreground">—</span>;

export function TrugridUsersTable({
  rows,
  total,
  state,
  tenantId,
  canAct,
}: {
  rows: TrugridUserRow[];
  total: number;
  state: TableState<string>;
  tenantId: string;
  canAct: boolean;
}) {
  const [result, setResult] = useState<ShownResult | null>(null);
  const columns = useMemo<ColumnDef<TrugridUserRow, unknown>[]>(
    () => [
      {
        id: "upn",
        meta: { label: "UPN", sortKey: "upn" },
        enableHiding: false,
        cell: ({ row }) => (
          <span className="block max-w-[16rem] truncate" data-testid="user-upn" title={row.original.upn}>
            {row.original.upn}
          </span>
        ),
      },
      {
        id: "mfa",
        meta: { label: "MFA", sortKey: "mfa" },
        cell: ({ row }) => {
          const r = row.original;
          return (
            <div className="space-y-1" data-testid="mfa-state">
              <StateCell on={r.mfaOn} at={r.mfaSetAt} by={r.mfaSetBy} what="MFA state" />
              {r.mfaResetAt ? (
                <div className="cell-detail text-xs text-muted-foreground">
                  reset here <When at={r.mfaResetAt} /> by {r.mfaResetBy}
                </div>
              ) : null}
            </div>
          );
        },
      },
      {
        id: "udp",
        meta: { label: "RDP over UDP", sortKey: "udp" },
        cell: ({ row }) => (
          <StateCell
            on={row.original.udpOn}
            at={row.original.udpSetAt}
            by={row.original.udpSetBy}
            what="UDP state"
            testId="udp-state"
          />
        ),
      },
      { id: "web", meta: { label: "Last web IP" }, cell: ({ row }) => ip(row.original.webIp) },
      // The desktop and mobile addresses give way first where the table is narrow (the column chooser and the
      // export still have them).
      {
        id: "desktop",
        meta: { label: "Last desktop IP", className: "hidden @7xl:table-cell" },
        cell: ({ row }) => ip(row.original.desktopIp),
      },
      {
        id: "mobile",
        meta: { label: "Last mobile IP", className: "hidden @7xl:table-cell" },
        cell: ({ row }) => ip(row.original.mobileIp),
      },
      {
        id: "machines",
        meta: { label: "Machines" },
        cell: ({ row }) => (
          <Link
            href={`/trugrid/associations?user=${encodeURIComponent(row.original.upn)}`}
            className="link"
            aria-label={`${row.original.associations} machine associations of ${row.original.upn}`}
          >
            {row.original.associations}
          </Link>
        ),
      },
      {
        id: "synced",
        meta: { label: "Read from TruGrid", sortKey: "synced", className: "hidden @6xl:table-cell" },
        cell: ({ row }) => <When at={row.original.syncedAt} className="text-xs text-muted-foreground" />,
      },
      ...(canAct
        ? [
            {
              id: "actions",
              enableHiding: false,
              meta: { label: "Actions" },
              cell: ({ row }) => (
                <UserActions
                  tenantId={tenantId}
                  upns={[row.original.upn]}
                  label={`Actions for ${row.original.upn}`}
                  onResult={setResult}
                />
              ),
            } satisfies ColumnDef<TrugridUserRow, unknown>,
          ]
        : []),
    ],
    [canAct, tenantId],
  );

  return (
    <div className="space-y-4">
      <DataTable
        columns={columns}
        rows={rows}
        total={total}
        state={state}
        getRowId={(r) => r.upn}
        searchLabel="Search UPN or IP"
        testId="trugrid-users"
        filters={
          <>
            <UrlSelect param="mfa" label="MFA" options={STATES} allLabel="any" />
            <UrlSelect param="udp" label="UDP" options={STATES} allLabel="any" />
          </>
        }
        tools={<ExportButton href="/api/trugrid/users/export" tenantId={tenantId} />}
        selectionActions={
          canAct
            ? (selected, clear) => (
                <UserActions
                  tenantId={tenantId}
                  upns={selected.map((s) => s.upn)}
                  label="Actions for the selected users"
                  onResult={setResult}
                  onDone={clear}
                />
              )
            : undefined
        }
        emptyText="No TruGrid users match. Users appear here after a TruGrid sync (Sync page)."
      />
      <ItemResults result={result} onClose={() => setResult(null)} />
    </div>
  );
}
