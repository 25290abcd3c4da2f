import type { Metadata } from "next";
import { CreateStaffForm } from "@/components/settings/create-staff-form";
import { StaffRow } from "@/components/settings/staff-row";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { tenantsInScope } from "@/lib/tenants/scope";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const me = await requirePermission("staff.manage");
  const [staff, tenants] = await Promise.all([
    db().staffUser.findMany({
      orderBy: { email: "asc" },
      include: { tenants: { select: { tenantId: true } }, totp: { select: { confirmedAt: true } }, _count: { select: { passkeys: true } } },
    }),
    tenantsInScope(me),
  ]);
  return (
    <>
      <PageHeader title="Staff" description="Who may sign in, with which role (viewer < operator < admin) and in which tenants." />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Email</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Tenants</TableHead>
            <TableHead>Second factor</TableHead>
            <TableHead>Last sign-in</TableHead>
            <TableHead><span className="sr-only">Actions</span></TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {staff.map((s) => (
            <StaffRow
              key={s.id}
              isSelf={s.id === me.id}
              tenants={tenants}
              staff={{ id: s.id, name: s.name, email: s.email, role: s.role, disabled: s.disabled, lastSignInAt: s.lastSignInAt?.toISOString() ?? null, tenantIds: s.tenants.map((t) => t.tenantId),
                secondFactor: { totp: Boolean(s.totp?.confirmedAt), passkeys: s._count.passkeys } }}
            />
          ))}
        </TableBody>
      </Table>
      <Card className="mt-6 max-w-2xl">
        <CardTitle>Add a staff user</CardTitle>
        <CreateStaffForm tenants={tenants} />
      </Card>
    </>
  );
}
