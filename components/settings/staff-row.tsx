"use client";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { fieldErrors, useActionForm } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { TableCell, TableRow } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import type { Role } from "@/lib/auth/permissions";
import { resetStaffPassword, updateStaff } from "@/lib/staff/actions";
import type { StaffListRow } from "@/lib/staff/queries";
import { OneTimePassword } from "./one-time-password";
import { ResetSecondFactorButton } from "./reset-second-factor-button";
import { RoleSelect } from "./role-select";
import { TenantCheckboxes } from "./tenant-checkboxes";

function SecondFactorBadges({ totp, passkeys }: StaffListRow["secondFactor"]) {
  if (!totp && passkeys === 0) return <span className="text-xs text-muted-foreground">none</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {totp ? <Badge variant="success">app</Badge> : null}
      {passkeys > 0 ? <Badge variant="success">{passkeys === 1 ? "passkey" : `${passkeys} passkeys`}</Badge> : null}
    </span>
  );
}

export function StaffRow({
  staff,
  tenants,
  roles,
  isSelf,
}: {
  staff: StaffListRow;
  tenants: { id: string; name: string }[];
  roles: readonly Role[];
  isSelf: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [resetPassword, setResetPassword] = useState<string | null>(null);
  const [resetting, startReset] = useTransition();
  const [state, formAction, pending] = useActionForm(updateStaff, {
    success: "Staff user updated.",
    onSuccess: () => setOpen(false),
  });
  const names = new Map(tenants.map((t) => [t.id, t.name]));
  const id = (k: string) => `staff-${staff.id}-${k}`;
  return (
    <TableRow data-testid="staff-row">
      <TableCell>
        {staff.name} {staff.disabled ? <Badge variant="destructive">disabled</Badge> : null}
      </TableCell>
      <TableCell>{staff.email}</TableCell>
      <TableCell>
        <Badge variant="outline">{staff.role}</Badge>
      </TableCell>
      <TableCell className="text-xs">
        {staff.tenantIds.map((t) => names.get(t) ?? "(outside your scope)").join(", ") || "—"}
      </TableCell>
      <TableCell data-testid="staff-second-factor">
        <SecondFactorBadges {...staff.secondFactor} />
      </TableCell>
      <TableCell className="text-xs">
        <When at={staff.lastSignInAt} missing="never" />
      </TableCell>
      <TableCell className="text-right">
        {staff.manageable ? (
          <Dialog
            open={open}
            onOpenChange={(o) => {
              setOpen(o);
              if (!o) setResetPassword(null);
            }}
          >
            <DialogTrigger asChild>
              <Button size="sm" variant="outline">
                Edit
              </Button>
            </DialogTrigger>
            <DialogContent title={`Edit ${staff.email}`}>
              <form action={formAction} className="grid gap-3">
                <input type="hidden" name="staffId" value={staff.id} />
                <Field id={id("name")} label="Name" errors={fieldErrors(state, "name")}>
                  <Input id={id("name")} name="name" defaultValue={staff.name} required />
                </Field>
                <Field id={id("role")} label="Role" hint={isSelf ? "You cannot change your own role." : undefined}>
                  <RoleSelect id={id("role")} defaultValue={staff.role} disabled={isSelf} roles={roles} />
                  {isSelf ? <input type="hidden" name="role" value={staff.role} /> : null}
                </Field>
                <TenantCheckboxes idPrefix={id("tenant")} tenants={tenants} checked={staff.tenantIds} />
                {!isSelf ? (
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="disabled" value="true" defaultChecked={staff.disabled} /> Disabled
                    (cannot sign in; current sessions end)
                  </label>
                ) : null}
                <div className="flex flex-wrap gap-2">
                  <Button type="submit" disabled={pending}>
                    Save
                  </Button>
                  {!isSelf ? (
                    <Button
                      type="button"
                      variant="outline"
                      disabled={resetting}
                      onClick={() =>
                        startReset(async () => {
                          const res = await resetStaffPassword({ staffId: staff.id });
                          if (res.ok) setResetPassword(res.data.generatedPassword);
                          else toast.error(res.error);
                        })
                      }
                    >
                      Reset password (signs them out)
                    </Button>
                  ) : null}
                </div>
                {resetPassword ? <OneTimePassword password={resetPassword} /> : null}
              </form>
              {/* Outside the form above: its own confirmation dialog submits a form of its own. */}
              {!isSelf && (staff.secondFactor.totp || staff.secondFactor.passkeys > 0) ? (
                <div className="mt-4 border-t pt-4">
                  <ResetSecondFactorButton staff={staff} />
                </div>
              ) : null}
            </DialogContent>
          </Dialog>
        ) : (
          <span className="text-xs text-muted-foreground">Managed by an admin with every tenant</span>
        )}
      </TableCell>
    </TableRow>
  );
}
