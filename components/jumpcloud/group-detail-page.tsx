import Link from "next/link";
import { z } from "zod";
import { PageHeader } from "@/components/shell/page-header";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { getGroup } from "@/lib/jumpcloud/queries";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { pathId } from "@/lib/params/fields";
import { GroupAdmin } from "./group-admin";
import { GroupRelations } from "./group-relations";

const Params = z.object({ id: pathId() });

export async function GroupDetailPage({ kind, props }: { kind: "user_group" | "system_group"; props: PageProps }) {
  const href = kind === "user_group" ? "/jumpcloud/user-groups" : "/jumpcloud/system-groups";
  const ctx = await vendorPage(props, {
    vendor: "jumpcloud",
    page: `${href}/[id]`,
    perm: "console.read",
    params: Params,
  });
  const {
    tenant,
    may,
    params: { id },
  } = ctx;
  const label = kind === "user_group" ? "User groups" : "System groups";
  if (!tenant) return <Unavailable vendor="jumpcloud" title={label} reason="tenant" />;
  // A group of another tenant is "not found" here, and the attempt is in the audit log.
  const found = await ctx.found(getGroup(db(), tenant.id, kind, id), { type: `jumpcloud_${kind}`, id });
  return (
    <>
      <PageHeader
        title={found.group.name}
        description={
          <>
            <Link href={href} className="link">
              {label}
            </Link>
            {found.group.description ? ` · ${found.group.description}` : ""}
          </>
        }
        actions={
          may["jumpcloud.write"] ? (
            <GroupAdmin
              tenantId={tenant.id}
              kind={kind}
              groupId={id}
              name={found.group.name}
              description={found.group.description ?? ""}
              members={found.members.length}
              canDelete={may["jumpcloud.destructive"]}
            />
          ) : null
        }
      />
      <GroupRelations
        tenantId={tenant.id}
        kind={kind}
        groupId={id}
        name={found.group.name}
        canWrite={may["jumpcloud.write"]}
        members={found.members}
        associations={found.associations}
      />
    </>
  );
}
