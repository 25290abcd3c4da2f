import type { Metadata } from "next";
import Link from "next/link";
import { PolicyCard } from "@/components/second-factor/policy-card";
import { SecurityCard } from "@/components/second-factor/security-card";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { DensityCard } from "@/components/settings/density-card";
import { TimeZoneCard } from "@/components/settings/time-zone-card";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { type PageProps, pageContext } from "@/lib/pages/page-context";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage(props: PageProps) {
  const { staff } = await pageContext(props, { page: "/settings", perm: "console.read", tenant: "global" });
  return (
    <>
      <PageHeader title="Settings" />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle>Your password</CardTitle>
          <CardDescription>Changing it signs you out everywhere, this browser included.</CardDescription>
          <ChangePasswordForm />
        </Card>
        {can(staff.role, "staff.manage") ? (
          <Card>
            <CardTitle>Administration</CardTitle>
            <ul className="mt-3 grid gap-2 text-sm">
              <li>
                <Link className="link" href="/settings/staff">
                  Staff users and roles
                </Link>
              </li>
              <li>
                <Link className="link" href="/settings/tenants">
                  Tenants and vendor connections
                </Link>
              </li>
              <li>
                <Link className="link" href="/settings/api-tokens">
                  API tokens for scripts
                </Link>
              </li>
            </ul>
          </Card>
        ) : (
          <Card>
            <CardTitle>Tenants</CardTitle>
            <CardDescription>
              <Link className="link" href="/settings/tenants">
                See your tenants&apos; vendor connections
              </Link>
            </CardDescription>
          </Card>
        )}
        <SecurityCard staff={staff} />
        {can(staff.role, "staff.manage") ? <PolicyCard staff={staff} /> : null}
        <TimeZoneCard staff={staff} />
        <DensityCard chosen={staff.density} />
      </div>
    </>
  );
}
