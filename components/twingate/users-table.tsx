"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { DataTable } from "@/components/data-table/data-table";
import { ExportButton } from "@/components/data-table/export-button";
import { UrlSelect } from "@/components/data-table/url-filters";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Clip } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import type { TableState } from "@/lib/table/params";
import { ROLE_LABEL, TWINGATE_ROLES, type TwingateRole } from "@/lib/twingate/constants";
import type { TwingateUserRow } from "@/lib/twingate/queries";
import {
  createTwingateUser,
  deleteTwingateUser,
  setTwingateUserRole,
  setTwingateUserState,
} from "@/lib/twingate/user-actions";
import { FormDialog } from "./form-dialog";
import { NameCell } from "./rename-user";
import { Muted, UserStateBadge } from "./state-badges";

const STATE_OPTIONS = [
  { value: "ACTIVE", label: "active" },
  { value: "DISABLED", label: "disabled" },
  { value: "PENDING", label: "pending" },
];
const ROLE_OPTIONS = TWINGATE_ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));
const TYPE_OPTIONS = [
  { value: "MANUAL", label: "manual" },
  { value: "SYNCED", label: "synced from IdP" },
];

function StateButton({ tenantId, user }: { tenantId: string; user: TwingateUserRow }) {
  const { run, pending } = useRunAction();
  if (user.state === "PENDING") return <Muted>invited</Muted>;
  const disable = user.state === "ACTIVE";
  return (
    <Button
      size="sm"
      variant="outline"
      disabled={pending}
      data-testid={disable ? "user-disable" : "user-enable"}
      aria-label={`${disable ? "Disable" : "Enable"} ${user.email}`}
      onClick={() =>
        run(
          setTwingateUserState,
          { tenantId, userId: user.vendorId, state: disable ? "DISABLED" : "ACTIVE" },
          {
            success: (d) => `Twingate: ${d.email} is now ${d.state.toLowerCase()}.`,
            undo: true,
          },
        )
      }
    >
      {disable ? "Disable" : "Enable"}
    </Button>
  );
}

/** The role is chosen inside the confirmation, so nothing changes on a stray keypress in a table cell. */
function RoleCell({ tenantId, user, canAdmin }: { tenantId: string; user: TwingateUserRow; canAdmin: boolean }) {
  const { run } = useRunAction();
  const current = (user.role ?? "MEMBER") as TwingateRole;
  const [next, setNext] = useState<TwingateRole>(current);
  const label = ROLE_LABEL[current] ?? user.role;
  if (!canAdmin) return <span>{label}</span>;
  return (
    <span className="inline-flex items-center gap-2">
      {label}
      <ConfirmDialog
        title={`Change the role of ${user.email}`}
        confirmLabel="Change role"
        description={
          "The role decides what this person may see and do in Twingate's admin console. An Admin can change " +
          "everything in the network, including other admins."
        }
        onOpenChange={(o) => {
          if (o) setNext(current);
        }}
        trigger={
          <Button
            size="sm"
            variant="ghost"
            data-testid="user-role-open"
            aria-label={`Change the role of ${user.email}`}
          >
            Change
          </Button>
        }
        onConfirm={async () => {
          if (next === current) return true;
          return (
            await run(
              setTwingateUserRole,
              { tenantId, userId: user.vendorId, role: next },
              {
                success: (d) => `Twingate: ${d.email} is now ${ROLE_LABEL[d.role as TwingateRole] ?? d.role}.`,
                undo: true,
              },
            )
          ).ok;
        }}
      >
        <Field id={`tg-role-${user.vendorId}`} label="New role">
          <Select
            id={`tg-role-${user.vendorId}`}
            value={next}
            onChange={(e) => setNext(e.target.value as TwingateRole)}
            data-testid="user-role"
          >
            {TWINGATE_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </Select>
        </Field>
      </ConfirmDialog>
    </span>
  );
}

function DeleteCell({ tenantId, user }: { tenantId: string; user: TwingateUserRow }) {
  const { run } = useRunAction();
  if (user.type === "SYNCED") {
    return (
      <span
        className="whitespace-nowrap text-xs text-muted-foreground"
        data-testid="user-synced-note"
        title="Twingate cannot delete users synced from an identity provider: remove or unassign the user there."
      >
        Delete at the IdP
      </span>
    );
  }
  return (
    <ConfirmDialog
      destructive
      title={`Delete ${user.email} from Twingate?`}
      confirmLabel="Delete user"
      description={
        `This removes 1 user, their ${user.devices} device${user.devices === 1 ? "" : "s"} ` +
        `and group memberships from Twingate. ` +
        `It cannot be undone; the user would have to be invited again.`
      }
      trigger={
        <Button
          size="sm"
          variant="ghost"
          className="text-destructive"
          data-testid="user-delete"
          aria-label={`Delete ${user.email}`}
        >
          Delete
        </Button>
      }
      onConfirm={async () =>
        (
          await run(
            deleteTwingateUser,
            { tenantId, userId: user.vendorId },
            { success: (d) => `Twingate: ${d.email} deleted.` },
          )
        ).ok
      }
    />
  );
}

export function TwingateUsersTable({
  rows,
  total,
  state,
  tenantId,
  canOperate,
  canAdmin,
}: {
  rows: TwingateUserRow[];
  total: number;
  state: TableState<string>;
  tenantId: string;
  canOperate: boolean;
  canAdmin: boolean;
}) {
  const columns = useMemo<ColumnDef<TwingateUserRow, unknown>[]>(
    () => [
      {
        id: "email",
        meta: { label: "Email", sortKey: "email" },
        enableHiding: false,
        cell: ({ row }) => <Clip text={row.original.email} className="max-w-[15rem]" />,
      },
      {
        id: "name",
        meta: { label: "Name", sortKey: "name" },
        cell: ({ row }) => <NameCell tenantId={tenantId} user={row.original} canOperate={canOperate} />,
      },
      {
        id: "state",
        meta: { label: "State", sortKey: "state" },
        cell: ({ row }) => <UserStateBadge state={row.original.state} />,
      },
      {
        id: "role",
        meta: { label: "Role", sortKey: "role" },
        cell: ({ row }) => <RoleCell tenantId={tenantId} user={row.original} canAdmin={canAdmin} />,
      },
      {
        id: "type",
        meta: { label: "Source", className: "hidden @7xl:table-cell" },
        cell: ({ row }) => (row.original.type === "SYNCED" ? "IdP" : "manual"),
      },
      {
        id: "devices",
        meta: { label: "Devices" },
        cell: ({ row }) => (
          <Link className="link" href={`/twingate/devices?user=${encodeURIComponent(row.original.vendorId)}`}>
            {row.original.devices}
          </Link>
        ),
      },
      {
        id: "created",
        meta: { label: "Created", sortKey: "created", className: "hidden @6xl:table-cell" },
        cell: ({ row }) => <When at={row.original.createdAtVendor} className="whitespace-nowrap" />,
      },
      ...(canOperate
        ? [
            {
              id: "actions",
              meta: { label: "Actions" },
              enableHiding: false,
              cell: ({ row }) => (
                <div className="flex flex-wrap items-center gap-2">
                  <StateButton tenantId={tenantId} user={row.original} />
                  <DeleteCell tenantId={tenantId} user={row.original} />
                </div>
              ),
            } satisfies ColumnDef<TwingateUserRow, unknown>,
          ]
        : []),
    ],
    [tenantId, canOperate, canAdmin],
  );

  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      state={state}
      getRowId={(r) => r.vendorId}
      searchLabel="Search email or name"
      testId="twingate-users"
      filters={
        <>
          <UrlSelect param="state" label="State" options={STATE_OPTIONS} />
          <UrlSelect param="role" label="Role" options={ROLE_OPTIONS} />
          <UrlSelect param="type" label="Source" options={TYPE_OPTIONS} />
        </>
      }
      tools={
        <>
          <ExportButton href="/api/twingate/users/export" tenantId={tenantId} />
          {canOperate ? <CreateUser tenantId={tenantId} canAdmin={canAdmin} /> : null}
        </>
      }
      emptyText="No Twingate users match. Users appear here after a Twingate sync."
    />
  );
}

function CreateUser({ tenantId, canAdmin }: { tenantId: string; canAdmin: boolean }) {
  return (
    <FormDialog
      title="Add a Twingate user"
      description="Twingate creates the user as pending until they first sign in."
      submitLabel="Add user"
      trigger={
        <Button size="sm" data-testid="user-create-open">
          Add user
        </Button>
      }
      action={createTwingateUser}
      extra={{ tenantId }}
      testId="user-create-form"
      success={(d) => `Twingate: ${d.email} added (${d.state.toLowerCase()})${d.invited ? ", invitation sent" : ""}.`}
    >
      {(errors) => (
        <>
          <Field id="tg-user-email" label="Email" errors={errors.email}>
            <Input id="tg-user-email" name="email" type="email" required />
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field id="tg-user-first" label="First name" errors={errors.firstName}>
              <Input id="tg-user-first" name="firstName" />
            </Field>
            <Field id="tg-user-last" label="Last name" errors={errors.lastName}>
              <Input id="tg-user-last" name="lastName" />
            </Field>
          </div>
          <Field
            id="tg-user-role"
            label="Role"
            hint={canAdmin ? undefined : "Only admins may give a role other than Member."}
          >
            <Select id="tg-user-role" name="role" defaultValue="MEMBER" disabled={!canAdmin}>
              {TWINGATE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r]}
                </option>
              ))}
            </Select>
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="invite" className="size-4" defaultChecked /> Send an invitation email now
          </label>
        </>
      )}
    </FormDialog>
  );
}
