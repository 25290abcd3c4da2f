import Link from "next/link";
import { notFound } from "next/navigation";
import { NoTenant } from "@/components/jumpcloud/no-tenant";
import { PageHeader } from "@/components/shell/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getGroup } from "@/lib/jumpcloud/queries";
import { currentTenant } from "@/lib/tenants/scope";
import { GroupRelations } from "./group-relations";

export async function GroupDetailPage({ kind, params }: { kind: "user_group" | "system_group"; params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const tenant = await currentTenant(staff);
  const label = kind === "user_group" ? "User groups" : "System groups";
  if (!tenant) return <NoTenant title={label} />;
  const { id } = await params;
  const found = await getGroup(db(), tenant.id, kind, id);
  if (!found) notFound();
  const href = kind === "user_group" ? "/jumpcloud/user-groups" : "/jumpcloud/system-groups";
  return (
    <>
      <PageHeader title={found.group.name} description={<><Link href={href} className="text-primary hover:underline">{label}</Link>{found.group.description ? ` · ${found.group.description}` : ""}</>} />
      <GroupRelations tenantId={tenant.id} kind={kind} groupId={id} name={found.group.name} canWrite={can(staff.role, "jumpcloud.write")}
        members={found.members} associations={found.associations} />
    </>
  );
}
