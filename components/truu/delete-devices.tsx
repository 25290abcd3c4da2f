"use client";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { type ComponentProps, useState } from "react";
import { toast } from "sonner";
import { useSendWithReason } from "@/components/change-reason/change-reason";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button, buttonVariants } from "@/components/ui/button";
import { deleteTruuDevice } from "@/lib/truu/delete-actions";
import { cn } from "@/lib/ui/cn";

export interface DeletableDevice {
  vendorId: string;
  deviceName: string | null;
  type: string | null;
  userUpn: string | null;
}

const NOT_UNDOABLE =
  "TruU keeps nothing of a deleted device: this cannot be undone. The user must enrol the device again to use it.";

/**
 * Deletes devices at TruU one call (and one audit event) each; the vendor has
 * no batch delete. Stops at nothing: every device gets its own outcome, and
 * the toast says how many went and what TruU answered for the rest.
 */
export function DeleteDevices({
  tenantId,
  devices,
  onDone,
  compact,
  open: openProp,
  onOpenChange,
}: {
  tenantId: string;
  devices: DeletableDevice[];
  onDone?: () => void;
  compact?: boolean;
  /** Controlled from outside (one dialog for a whole table): no trigger button is rendered. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const router = useRouter();
  const send = useSendWithReason();
  const [openState, setOpenState] = useState(false);
  const controlled = openProp !== undefined;
  const open = controlled ? openProp : openState;
  const setOpen = (o: boolean) => (controlled ? onOpenChange?.(o) : setOpenState(o));
  const [first] = devices;
  if (!first) return null;
  const one = devices.length === 1;
  const name = (d: DeletableDevice) => d.deviceName ?? d.vendorId;
  const confirm = async () => {
    const failed: string[] = [];
    let done = 0;
    for (const d of devices) {
      try {
        const res = await send(deleteTruuDevice, { tenantId, deviceId: d.vendorId });
        if (res.ok) done++;
        else failed.push(`${name(d)}: ${res.error}`);
      } catch {
        failed.push(`${name(d)}: the console could not be reached`);
      }
    }
    if (done)
      toast.success(one ? `Deleted ${name(first)} at TruU.` : `Deleted ${done} of ${devices.length} devices at TruU.`);
    if (failed.length)
      toast.error(failed.slice(0, 3).join("\n") + (failed.length > 3 ? `\n… and ${failed.length - 3} more` : ""));
    onDone?.();
    router.refresh();
    return failed.length === 0;
  };
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        controlled ? undefined : compact ? (
          <DeleteDeviceButton name={name(first)} />
        ) : (
          <Button variant="destructive" size="sm" data-testid="delete-selected">
            <Trash2 />
            Delete {devices.length} device{one ? "" : "s"}
          </Button>
        )
      }
      title={one ? `Delete ${name(first)} at TruU?` : `Delete ${devices.length} devices at TruU?`}
      description={NOT_UNDOABLE}
      confirmLabel={one ? "Delete device" : `Delete ${devices.length} devices`}
      destructive
      typeToConfirm={one ? undefined : String(devices.length)}
      onConfirm={confirm}
    >
      <ul className="max-h-60 list-disc space-y-0.5 overflow-y-auto pl-5" data-testid="delete-list">
        {devices.map((d) => (
          <li key={d.vendorId}>
            <span className="font-medium">{name(d)}</span>{" "}
            <span className="text-muted-foreground">
              {d.type ?? ""} · {d.userUpn ?? "no user"}
            </span>
          </li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}

// The row button is on every row of a page of up to 200 devices: its classes are merged once here
// and its icon is a constant element, rather than a Button and an icon component per row.
const ROW_BUTTON = cn(buttonVariants({ variant: "ghost", size: "sm" }));
const TRASH_ICON = (
  <svg
    xmlns="http://www.w3.org/2000/svg"
    width="24"
    height="24"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
  >
    <path d="M10 11v6" />
    <path d="M14 11v6" />
    <path d="M19 6v14a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V6" />
    <path d="M3 6h18" />
    <path d="M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2" />
  </svg>
);

/** The row button; a table renders it plainly and opens one shared dialog, rather than a dialog per row. */
export function DeleteDeviceButton({
  name,
  onClick,
  ...rest
}: { name: string; onClick?: () => void } & ComponentProps<"button">) {
  return (
    <button
      type="button"
      className={ROW_BUTTON}
      aria-label={`Delete device ${name}`}
      data-testid="delete-device"
      onClick={onClick}
      {...rest}
    >
      {TRASH_ICON}
    </button>
  );
}
