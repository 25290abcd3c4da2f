"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { ExportButton } from "@/components/data-table/export-button";
import { UrlSelect } from "@/components/data-table/url-filters";
import type { UserRow } from "@/lib/jumpcloud/queries";
import type { TableState } from "@/lib/table/params";
import { LockBadge, MfaBadge, StateBadge, YesNo } from "./badges";
import { BulkSelectionActions } from "./bulk-selection-actions";

const columns: ColumnDef<UserRow, unknown>[] = [
  {
    id: "email",
    meta: { label: "Email", sortKey: "email" },
    enableHiding: false,
    cell: ({ row }) => (
      <Link
        href={`/jumpcloud/users/${row.original.vendorId}`}
        className="link block max-w-[16rem] truncate"
        data-testid="user-link"
        title={row.original.email}
      >
        {row.original.email}
      </Link>
    ),
  },
  // Where the table is narrow the username (most often the email's first part) gives way first.
  {
    id: "username",
    meta: { label: "Username", sortKey: "username", className: "hidden @7xl:table-cell" },
    cell: ({ row }) => row.original.username,
  },
  {
    id: "name",
    meta: { label: "Name", sortKey: "name" },
    cell: ({ row }) =>
      row.original.displayname ? (
        <span className="whitespace-nowrap">{row.original.displayname}</span>
      ) : (
        <span className="text-muted-foreground">—</span>
      ),
  },
  {
    id: "state",
    meta: { label: "State", sortKey: "state" },
    cell: ({ row }) => <StateBadge state={row.original.state} />,
  },
  { id: "locked", meta: { label: "Locked" }, cell: ({ row }) => <LockBadge locked={row.original.accountLocked} /> },
  { id: "mfa", meta: { label: "MFA enrolment" }, cell: ({ row }) => <MfaBadge status={row.original.mfaStatus} /> },
  {
    id: "expired",
    meta: { label: "Password expired" },
    cell: ({ row }) => <YesNo value={row.original.passwordExpired} yes="expired" />,
  },
];

const STATES = [
  { value: "ACTIVATED", label: "active" },
  { value: "SUSPENDED", label: "suspended" },
  { value: "STAGED", label: "staged" },
];
const LOCKS = [
  { value: "locked", label: "locked" },
  { value: "unlocked", label: "not locked" },
];
const MFA = [
  { value: "ENROLLED", label: "enrolled" },
  { value: "NOT_ENROLLED", label: "not enrolled" },
  { value: "PENDING_ACTIVATION", label: "pending activation" },
  { value: "IN_ENROLLMENT", label: "in enrolment" },
  { value: "ENROLLMENT_EXPIRED", label: "enrolment expired" },
];

export function UsersTable({
  rows,
  total,
  state,
  tenantId,
  canWrite,
}: {
  rows: UserRow[];
  total: number;
  state: TableState<string>;
  tenantId: string;
  canWrite: boolean;
}) {
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      state={state}
      getRowId={(r) => r.vendorId}
      searchLabel="Search email, username or name"
      testId="jc-users-table"
      filters={
        <>
          <UrlSelect param="state" label="State" options={STATES} />
          <UrlSelect param="lock" label="Lock" options={LOCKS} />
          <UrlSelect param="mfa" label="MFA" options={MFA} />
        </>
      }
      tools={<ExportButton href="/api/jumpcloud/users/export" tenantId={tenantId} />}
      selectionActions={
        canWrite
          ? (selected, clear) => <BulkSelectionActions tenantId={tenantId} users={selected} clear={clear} />
          : undefined
      }
      emptyText="No JumpCloud users match. Users appear here after a JumpCloud sync."
    />
  );
}
