import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { PageHeader } from "@/components/shell/page-header";
import { AssuranceBadge } from "@/components/truu/assurance-badge";
import { CheckAtTruu } from "@/components/truu/check-at-truu";
import { DeleteDevices } from "@/components/truu/delete-devices";
import { DeleteUser } from "@/components/truu/delete-user";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { ActionsHead, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { pathId } from "@/lib/params/fields";
import { getUser } from "@/lib/truu/list-users";

export const metadata: Metadata = { title: "TruU user" };

export default async function Page(props: PageProps) {
  const ctx = await vendorPage(props, {
    vendor: "truu",
    page: "/truu/users/[guid]",
    perm: "console.read",
    params: z.object({ guid: pathId() }),
  });
  const {
    tenant,
    may,
    params: { guid },
  } = ctx;
  if (!tenant) return <Unavailable vendor="truu" title="TruU user" reason="tenant" />;
  const found = await ctx.found(getUser(db(), tenant.id, guid), { type: "truu_user", id: guid });
  const { user, devices } = found;
  const live = devices.filter((d) => !d.deletedAt);
  const best = live.reduce<number | null>(
    (m, d) => (d.assuranceLevel !== null && (m === null || d.assuranceLevel > m) ? d.assuranceLevel : m),
    null,
  );
  const now = Date.now();
  const canDelete = may["truu.write"] && !user.deletedAt;
  const title = user.upn || user.email || user.vendorId;
  return (
    <>
      <PageHeader
        title={title}
        description={
          <>
            {user.displayName ?? "No display name"} ·{" "}
            <Link className="link" href="/truu/users">
              all TruU users
            </Link>
          </>
        }
        actions={canDelete ? <DeleteUser tenantId={tenant.id} guid={user.vendorId} upn={title} devices={live} /> : null}
      />
      {user.deletedAt ? (
        <p role="status" className="mb-4 rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">
          This user was deleted at TruU (noticed <When at={user.deletedAt} mode="relative" now={now} />
          ).
        </p>
      ) : null}
      <div className="mb-4 grid gap-4 md:grid-cols-4">
        <Card>
          <CardTitle>Devices</CardTitle>
          <p className="mt-2 text-2xl font-semibold" data-testid="user-device-count">
            {live.length}
          </p>
        </Card>
        <Card>
          <CardTitle>Best assurance</CardTitle>
          <p className="mt-2">
            <AssuranceBadge level={best} />
          </p>
        </Card>
        <Card>
          <CardTitle>Last synced at TruU</CardTitle>
          <p className="mt-2 text-sm">
            <When at={user.lastSynced} mode="relative" now={now} missing="never" />
          </p>
        </Card>
        <Card>
          <CardTitle>Enrolled</CardTitle>
          <p className="mt-2 text-sm">
            <When at={user.createdAtVendor} />
          </p>
        </Card>
      </div>
      {user.deletedAt ? null : <CheckAtTruu tenantId={tenant.id} guid={user.vendorId} />}
      <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">Email</dt>
        <dd className="font-mono text-xs">{user.email ?? "—"}</dd>
        <dt className="text-muted-foreground">Directory GUID</dt>
        <dd className="font-mono text-xs">{user.vendorId}</dd>
        <dt className="text-muted-foreground">TruU user ID</dt>
        <dd className="font-mono text-xs">{user.tuid ?? "—"}</dd>
        <dt className="text-muted-foreground">Cache updated</dt>
        <dd>
          <When at={user.syncedAt} mode="relative" now={now} />
        </dd>
      </dl>
      <h2 className="mb-2 text-lg font-semibold">Devices</h2>
      <Table data-testid="user-devices">
        <TableHeader>
          <TableRow>
            <TableHead>Device</TableHead>
            <TableHead>Type</TableHead>
            <TableHead>App / SDK</TableHead>
            <TableHead>OS</TableHead>
            <TableHead>Last heard</TableHead>
            <TableHead>Assurance</TableHead>
            <TableHead>State</TableHead>
            {canDelete ? <ActionsHead /> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {devices.length === 0 ? (
            <TableRow>
              <TableCell colSpan={8} className="py-6 text-center text-muted-foreground">
                No devices.
              </TableCell>
            </TableRow>
          ) : null}
          {devices.map((d) => (
            <TableRow key={d.vendorId} data-testid="table-row" className={d.deletedAt ? "opacity-60" : undefined}>
              <TableCell className="font-medium">{d.deviceName ?? d.vendorId}</TableCell>
              <TableCell className="font-mono text-xs">{d.type ?? "—"}</TableCell>
              <TableCell className="text-xs">
                {d.appVersion ?? "—"} / {d.sdkVersion ?? "—"}
              </TableCell>
              <TableCell className="text-xs">{d.softwareIdentifier ?? "—"}</TableCell>
              <TableCell>
                <When at={d.lastHeardFrom} mode="relative" now={now} missing="never" />
              </TableCell>
              <TableCell>
                <AssuranceBadge level={d.assuranceLevel} />
              </TableCell>
              <TableCell>
                {d.deletedAt ? (
                  <Badge variant="destructive">deleted</Badge>
                ) : d.active ? (
                  <Badge variant="success">active</Badge>
                ) : (
                  <Badge variant="warning">inactive</Badge>
                )}
              </TableCell>
              {canDelete ? (
                <TableCell>
                  {d.deletedAt ? null : <DeleteDevices tenantId={tenant.id} devices={[d]} compact />}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
