import type { ReactNode } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { CONNECTION_FIELDS, VENDOR_LABEL, type VendorId } from "@/lib/vendors/connection-fields";

/**
 * Shown instead of a vendor page's content: the staff user has no tenant, or
 * (on pages that call the vendor) the tenant has no connection with the settings those calls need.
 */
export function Unavailable({
  vendor,
  title,
  description,
  reason,
}: {
  vendor: VendorId;
  title: string;
  description?: ReactNode;
  reason: "tenant" | "connection";
}) {
  const label = VENDOR_LABEL[vendor];
  const needs = CONNECTION_FIELDS[vendor].settings.filter((s) => s.required).map((s) => s.label.toLowerCase());
  return (
    <>
      <PageHeader title={title} description={description} />
      {reason === "tenant" ? (
        <Card>
          <CardTitle>No tenant</CardTitle>
          <CardDescription>You are not assigned to any tenant. Ask an admin to give you one.</CardDescription>
        </Card>
      ) : (
        <Card>
          <CardTitle>No {label} connection</CardTitle>
          <CardDescription>
            This tenant has no {label} connection{needs.length ? ` with its ${needs.join(" and ")}` : ""}. An admin can
            add one under Settings → Tenants.
          </CardDescription>
        </Card>
      )}
    </>
  );
}
