"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { useRunAction } from "@/components/actions/use-run-action";
import { DataTable } from "@/components/data-table/data-table";
import { ExportButton } from "@/components/data-table/export-button";
import { UrlSelect } from "@/components/data-table/url-filters";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Clip } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import type { Result } from "@/lib/actions/result";
import { words } from "@/lib/format/words";
import type { TableState } from "@/lib/table/params";
import type { DeviceOp } from "@/lib/twingate/constants";
import {
  archiveTwingateDevice,
  blockTwingateDevice,
  trustTwingateDevice,
  unarchiveTwingateDevice,
  unblockTwingateDevice,
  untrustTwingateDevice,
} from "@/lib/twingate/device-actions";
import type { TwingateDeviceRow } from "@/lib/twingate/queries";
import { DeviceStateBadge, Muted, TrustBadge } from "./state-badges";

type DeviceResult = Result<{ name: string | null; activeState: string; isTrusted: boolean }>;
type Run = (input: { tenantId: string; deviceId: string }) => Promise<DeviceResult>;

const OPS: Record<DeviceOp, { run: Run; label: string; done: string }> = {
  block: { run: blockTwingateDevice, label: "Block", done: "blocked" },
  unblock: { run: unblockTwingateDevice, label: "Unblock", done: "unblocked" },
  archive: {
    run: archiveTwingateDevice,
    label: "Archive",
    done: "archived (it comes back by itself when it next connects)",
  },
  unarchive: { run: unarchiveTwingateDevice, label: "Unarchive", done: "unarchived" },
  trust: { run: trustTwingateDevice, label: "Trust", done: "trusted" },
  untrust: { run: untrustTwingateDevice, label: "Untrust", done: "no longer trusted" },
};

const deviceName = (d: TwingateDeviceRow) => d.name ?? d.hostname ?? d.serialNumber ?? d.vendorId;

/** The verbs that make sense for a device in its current state. */
function opsFor(d: TwingateDeviceRow): DeviceOp[] {
  const ops: DeviceOp[] = [];
  if (d.activeState === "BLOCKED") ops.push("unblock");
  else ops.push("block");
  if (d.activeState === "ARCHIVED") ops.push("unarchive");
  else if (d.activeState === "ACTIVE") ops.push("archive");
  ops.push(d.isTrusted ? "untrust" : "trust");
  return ops;
}

function DeviceActions({ tenantId, device }: { tenantId: string; device: TwingateDeviceRow }) {
  const { run, pending } = useRunAction();
  return (
    <div className="flex flex-nowrap gap-1">
      {opsFor(device).map((op) => (
        <Button
          key={op}
          size="sm"
          variant="outline"
          disabled={pending}
          data-testid={`device-${op}`}
          aria-label={`${OPS[op].label} ${deviceName(device)}`}
          onClick={() =>
            run(
              OPS[op].run,
              { tenantId, deviceId: device.vendorId },
              { success: () => `Twingate: ${deviceName(device)} ${OPS[op].done}.`, undo: true },
            )
          }
        >
          {OPS[op].label}
        </Button>
      ))}
    </div>
  );
}

/** Runs one verb over the selected devices, one vendor call at a time (Twingate allows 20 writes a minute). */
function BulkDeviceAction({
  tenantId,
  op,
  devices,
  clear,
}: {
  tenantId: string;
  op: DeviceOp;
  devices: TwingateDeviceRow[];
  clear: () => void;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const n = devices.length;
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      destructive={op === "block"}
      trigger={
        <Button size="sm" variant="outline" data-testid={`bulk-${op}`}>
          {OPS[op].label} {n}
        </Button>
      }
      title={`${OPS[op].label} ${n} device${n === 1 ? "" : "s"}?`}
      description={
        `Each device is changed with its own Twingate call, ` +
        (n > 20
          ? "more than the 20 writes a minute Twingate allows, so some may be refused and must be run again"
          : "within Twingate's 20 writes a minute") +
        ". Each change is audited and can be undone from the audit log."
      }
      confirmLabel={`${OPS[op].label} ${n}`}
      onConfirm={async () => {
        let ok = 0;
        const failed: string[] = [];
        for (const d of devices) {
          const res = await OPS[op].run({ tenantId, deviceId: d.vendorId });
          if (res.ok) ok++;
          else failed.push(`${deviceName(d)}: ${res.error}`);
        }
        if (failed.length)
          toast.error(
            `${ok} of ${n} ${OPS[op].done}. ` +
              `Failed: ${failed.slice(0, 3).join(" · ")}` +
              `${failed.length > 3 ? ` and ${failed.length - 3} more` : ""}`,
          );
        else toast.success(`Twingate: ${ok} device${ok === 1 ? "" : "s"} ${OPS[op].done}.`);
        clear();
        router.refresh();
      }}
    >
      <ul className="max-h-40 list-disc overflow-auto pl-5">
        {devices.map((d) => (
          <li key={d.vendorId}>{deviceName(d)}</li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}

export function TwingateDevicesTable({
  rows,
  total,
  state,
  tenantId,
  canOperate,
}: {
  rows: TwingateDeviceRow[];
  total: number;
  state: TableState<string>;
  tenantId: string;
  canOperate: boolean;
}) {
  const columns = useMemo<ColumnDef<TwingateDeviceRow, unknown>[]>(
    () => [
      {
        id: "name",
        meta: { label: "Device", sortKey: "name" },
        enableHiding: false,
        cell: ({ row }) => (
          <div className="min-w-32 whitespace-nowrap">
            <Clip text={deviceName(row.original)} className="max-w-[12rem] font-medium" />
            {row.original.clientVersion ? (
              <div className="cell-detail text-xs text-muted-foreground">client {row.original.clientVersion}</div>
            ) : null}
          </div>
        ),
      },
      {
        id: "user",
        meta: { label: "User", sortKey: "user" },
        cell: ({ row }) =>
          row.original.userEmail ? <Clip text={row.original.userEmail} className="max-w-[14rem]" /> : <Muted />,
      },
      {
        id: "state",
        meta: { label: "State", sortKey: "state" },
        // State and trust side by side: the two a technician reads together, in one column's width.
        cell: ({ row }) => (
          <span className="flex gap-1 whitespace-nowrap">
            <DeviceStateBadge state={row.original.activeState} />
            <TrustBadge trusted={row.original.isTrusted} />
          </span>
        ),
      },
      {
        id: "os",
        meta: { label: "OS", sortKey: "os" },
        cell: ({ row }) => (
          <div className="whitespace-nowrap">
            <div>{[words(row.original.osName), row.original.osVersion].filter(Boolean).join(" ") || <Muted />}</div>
            {row.original.deviceType ? (
              <div className="cell-detail text-xs text-muted-foreground" title={row.original.deviceType}>
                {words(row.original.deviceType)}
              </div>
            ) : null}
          </div>
        ),
      },
      {
        id: "serial",
        meta: { label: "Serial", className: "hidden @7xl:table-cell" },
        cell: ({ row }) => <span className="font-mono text-xs">{row.original.serialNumber ?? "—"}</span>,
      },
      {
        id: "login",
        meta: { label: "Last sign-in", sortKey: "login", className: "hidden @6xl:table-cell" },
        cell: ({ row }) => <When at={row.original.lastSuccessfulLoginAt} className="whitespace-nowrap" />,
      },
      ...(canOperate
        ? [
            {
              id: "actions",
              meta: { label: "Actions" },
              enableHiding: false,
              cell: ({ row }) => <DeviceActions tenantId={tenantId} device={row.original} />,
            } satisfies ColumnDef<TwingateDeviceRow, unknown>,
          ]
        : []),
    ],
    [tenantId, canOperate],
  );

  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      state={state}
      getRowId={(r) => r.vendorId}
      searchLabel="Search name, hostname, serial or user"
      testId="twingate-devices"
      filters={
        <>
          <UrlSelect
            param="state"
            label="State"
            options={[
              { value: "ACTIVE", label: "active" },
              { value: "BLOCKED", label: "blocked" },
              { value: "ARCHIVED", label: "archived" },
            ]}
          />
          <UrlSelect
            param="trusted"
            label="Trust"
            options={[
              { value: "yes", label: "trusted" },
              { value: "no", label: "not trusted" },
            ]}
          />
        </>
      }
      tools={<ExportButton href="/api/twingate/devices/export" tenantId={tenantId} />}
      selectionActions={
        canOperate
          ? (selected, clear) => (
              <>
                {(["block", "unblock", "trust", "untrust"] as const).map((op) => (
                  <BulkDeviceAction key={op} tenantId={tenantId} op={op} devices={selected} clear={clear} />
                ))}
              </>
            )
          : undefined
      }
      emptyText="No Twingate devices match. Devices appear here after a Twingate sync."
    />
  );
}
