import type { Metadata } from "next";
import Link from "next/link";
import { OperationPicker } from "@/components/bulk/operation-picker";
import { UploadForm } from "@/components/bulk/upload-form";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { can, PERMISSIONS } from "@/lib/auth/permissions";
import { BULK_OPERATIONS, BULK_RUNBOOKS, bulkJobKind } from "@/lib/bulk/catalogue";
import { bulkPageData } from "@/lib/bulk/page-queries";
import { db } from "@/lib/db";
import { type PageProps, pageContext } from "@/lib/pages/page-context";
import { VENDOR_LABEL } from "@/lib/vendors/connection-fields";

export const metadata: Metadata = { title: "Bulk changes" };

function vendorOf(operation: string) {
  const vendor = bulkJobKind(operation)?.vendor;
  return vendor ? VENDOR_LABEL[vendor] : "every vendor";
}

export default async function BulkPage(props: PageProps) {
  const { staff, tenant } = await pageContext(props, { page: "/bulk", perm: "console.read", tenant: "current" });
  const description =
    "Large changes from CSV files: a plan with a per-row diff first, nothing sent until you confirm, then a " +
    "durable job with per-row results.";
  if (!tenant) {
    return (
      <>
        <PageHeader title="Bulk changes" description={description} />
        <Card>
          <CardTitle>No tenant</CardTitle>
          <CardDescription>You are not assigned to any tenant.</CardDescription>
        </Card>
      </>
    );
  }
  const { connected, jobs } = await bulkPageData(db(), tenant.id);
  // Operations whose page action is for a higher role are left out of the choice (the actions refuse them too).
  const operations = [
    ...BULK_OPERATIONS.filter((o) => !o.perm || can(staff.role, o.perm)).map((o) => ({
      id: o.id,
      label: o.label,
      vendor: o.vendor,
      connected: connected.has(o.vendor),
    })),
    // A runbook reaches every connected vendor.
    ...BULK_RUNBOOKS.filter((r) => can(staff.role, r.perm)).map((r) => ({
      id: r.id,
      label: `${r.label} (one person per row, every vendor)`,
      vendor: "all",
      connected: connected.size > 0,
    })),
  ];
  return (
    <>
      <PageHeader title={`Bulk changes · ${tenant.name}`} description={description} />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <Card>
          <CardTitle>Upload</CardTitle>
          <div className="mt-3">
            {can(staff.role, "bulk.apply") ? (
              <UploadForm tenantId={tenant.id} operations={operations} />
            ) : (
              <p className="text-sm text-muted-foreground">Your role (viewer) may read jobs but not start one.</p>
            )}
          </div>
        </Card>
        <Card>
          <CardTitle>Operations and templates</CardTitle>
          <OperationPicker
            operations={[...BULK_OPERATIONS, ...BULK_RUNBOOKS].map((o) => ({
              id: o.id,
              label: o.label,
              group: "vendor" in o ? VENDOR_LABEL[o.vendor] : "Every vendor (runbooks)",
              description: o.description,
              columns: o.columns.map((c) => `${c.header}${c.required ? "" : " (optional)"}`).join(", "),
              destructive: o.destructive,
              adminOnly: !!o.perm && PERMISSIONS[o.perm] === "admin",
            }))}
          />
        </Card>
      </div>
      <h2 className="mb-2 mt-6 text-lg font-semibold">Recent jobs</h2>
      {jobs.length === 0 ? (
        <p className="text-sm text-muted-foreground">No bulk jobs yet.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Created</TableHead>
              <TableHead>Operation</TableHead>
              <TableHead>File</TableHead>
              <TableHead>Rows</TableHead>
              <TableHead>Status</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {jobs.map((j) => (
              <TableRow key={j.id} data-testid="bulk-job-row">
                <TableCell>
                  <Link className="link" href={`/bulk/${j.id}`}>
                    <When at={j.createdAt} />
                  </Link>
                </TableCell>
                <TableCell>
                  {bulkJobKind(j.operation)?.label ?? j.operation}{" "}
                  <span className="text-muted-foreground">({vendorOf(j.operation)})</span>
                </TableCell>
                <TableCell>{j.fileName}</TableCell>
                <TableCell>{j.rowsTotal.toLocaleString("en")}</TableCell>
                <TableCell>
                  <Badge>{j.status}</Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
