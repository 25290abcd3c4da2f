import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { SystemCommands } from "@/components/jumpcloud/system-commands";
import { SystemRelations } from "@/components/jumpcloud/system-relations";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { When } from "@/components/ui/when";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { getSystem } from "@/lib/jumpcloud/queries";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { pathId } from "@/lib/params/fields";

export const metadata: Metadata = { title: "JumpCloud system" };

export default async function Page(props: PageProps) {
  const ctx = await vendorPage(props, {
    vendor: "jumpcloud",
    page: "/jumpcloud/systems/[id]",
    perm: "console.read",
    params: z.object({ id: pathId() }),
  });
  const {
    tenant,
    may,
    params: { id },
  } = ctx;
  if (!tenant) return <Unavailable vendor="jumpcloud" title="JumpCloud system" reason="tenant" />;
  const found = await ctx.found(getSystem(db(), tenant.id, id), { type: "jumpcloud_system", id });
  const { system } = found;
  const name = system.displayName || system.hostname || system.vendorId;
  const raw = system.raw as { osFamily?: string };
  const apple = /mac|ios|ipad|darwin/i.test(`${raw.osFamily ?? ""} ${system.os ?? ""}`);
  return (
    <>
      <PageHeader
        title={name}
        description={
          <>
            <Link href="/jumpcloud/systems" className="link">
              Systems
            </Link>{" "}
            · synced <When at={system.syncedAt} />
          </>
        }
      />
      <div className="space-y-6">
        <Card>
          <CardTitle>System</CardTitle>
          <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 text-sm" data-testid="system-detail">
            <dt className="text-muted-foreground">Hostname</dt>
            <dd className="font-mono text-xs">{system.hostname ?? "—"}</dd>
            <dt className="text-muted-foreground">OS</dt>
            <dd>
              {system.os ?? "—"} {system.osVersion ?? ""}
            </dd>
            <dt className="text-muted-foreground">Serial number</dt>
            <dd className="font-mono text-xs">{system.serialNumber ?? "—"}</dd>
            <dt className="text-muted-foreground">Agent</dt>
            <dd>
              {system.active ? <Badge variant="success">active</Badge> : <Badge variant="warning">inactive</Badge>}{" "}
              <span className="ml-2 text-xs text-muted-foreground">version {system.agentVersion ?? "—"}</span>
            </dd>
            <dt className="text-muted-foreground">Last contact</dt>
            <dd>
              <When at={system.lastContact} />
            </dd>
          </dl>
          <div className="mt-4">
            <SystemCommands
              tenantId={tenant.id}
              systemId={system.vendorId}
              name={name}
              apple={apple}
              canWrite={may["jumpcloud.write"]}
              canDestroy={may["jumpcloud.destructive"]}
            />
          </div>
        </Card>
        <SystemRelations
          tenantId={tenant.id}
          systemId={system.vendorId}
          name={name}
          canWrite={may["jumpcloud.write"]}
          groups={found.groups.map((g) => ({ ...g, type: "system_group" }))}
          associations={found.associations}
        />
      </div>
    </>
  );
}
