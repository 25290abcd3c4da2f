import type { Metadata } from "next";
import { CreateStaffForm } from "@/components/settings/create-staff-form";
import { StaffRow } from "@/components/settings/staff-row";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardTitle } from "@/components/ui/card";
import { ActionsHead, Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { db } from "@/lib/db";
import { type PageProps, pageContext } from "@/lib/pages/page-context";
import { grantableRoles, staffInSight } from "@/lib/staff/queries";
import { tenantsInScope } from "@/lib/tenants/scope";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage(props: PageProps) {
  const { staff: me } = await pageContext(props, { page: "/settings/staff", perm: "staff.manage", tenant: "global" });
  const [staff, tenants] = await Promise.all([staffInSight(db(), me), tenantsInScope(me)]);
  const roles = grantableRoles(me);
  return (
    <>
      <PageHeader
        title="Staff"
        description={
          me.allTenants
            ? "Who may sign in, with which role (viewer < operator < admin) and in which tenants."
            : "The staff of your tenants. Accounts with tenants you do not have are not shown; admins are managed " +
              "by an admin with every tenant."
        }
      />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Email</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Tenants</TableHead>
            <TableHead>Second factor</TableHead>
            <TableHead>Last sign-in</TableHead>
            <ActionsHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {staff.map((s) => (
            <StaffRow key={s.id} isSelf={s.id === me.id} tenants={tenants} roles={roles} staff={s} />
          ))}
        </TableBody>
      </Table>
      <Card className="mt-6 max-w-2xl">
        <CardTitle>Add a staff user</CardTitle>
        <CreateStaffForm tenants={tenants} roles={roles} />
      </Card>
    </>
  );
}
