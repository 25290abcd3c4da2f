"use client";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { deleteTruuUser } from "@/lib/truu/delete-actions";

/** Deletes a TruU user and every device of theirs, after listing exactly which devices go. */
export function DeleteUser({
  tenantId,
  guid,
  upn,
  devices,
}: {
  tenantId: string;
  guid: string;
  upn: string;
  devices: { vendorId: string; deviceName: string | null; type: string | null }[];
}) {
  const router = useRouter();
  const { run } = useRunAction();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="destructive" size="sm" data-testid="delete-user">
          <Trash2 />
          Delete user and devices
        </Button>
      }
      title={`Delete ${upn} at TruU?`}
      description={
        `TruU deletes the user and ` +
        `${devices.length === 1 ? "their 1 device" : `all ${devices.length} of their devices`}. ` +
        `This cannot be undone: the user must enrol again to sign in with TruU.`
      }
      confirmLabel={`Delete user and ${devices.length} device${devices.length === 1 ? "" : "s"}`}
      destructive
      typeToConfirm={upn}
      onConfirm={async () => {
        const res = await run(
          deleteTruuUser,
          { tenantId, guid, deviceIds: devices.map((d) => d.vendorId) },
          {
            success: (d) => `Deleted ${d.upn} and ${d.devices} device${d.devices === 1 ? "" : "s"} at TruU.`,
          },
        );
        if (res.ok) router.push("/truu/users");
        return res.ok;
      }}
    >
      {devices.length === 0 ? (
        <p>The user has no devices left in the cache.</p>
      ) : (
        <>
          <p className="mb-1">These devices go with the user:</p>
          <ul className="max-h-60 list-disc space-y-0.5 overflow-y-auto pl-5" data-testid="delete-list">
            {devices.map((d) => (
              <li key={d.vendorId}>
                <span className="font-medium">{d.deviceName ?? d.vendorId}</span>{" "}
                <span className="text-muted-foreground">{d.type ?? ""}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </ConfirmDialog>
  );
}
