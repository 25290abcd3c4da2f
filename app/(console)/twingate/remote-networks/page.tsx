import type { Metadata } from "next";
import { ActionButton } from "@/components/actions/action-button";
import { PageHeader } from "@/components/shell/page-header";
import { CreateRemoteNetworkDialog, EditRemoteNetworkDialog } from "@/components/twingate/network-forms";
import { CacheNote } from "@/components/twingate/twingate-shell";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHeadings, TableRow } from "@/components/ui/table";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { deleteTwingateRemoteNetwork } from "@/lib/twingate/network-actions";
import { lastTwingateSync, listObjects } from "@/lib/twingate/queries";

export const metadata: Metadata = { title: "Twingate remote networks" };

export default async function Page(props: PageProps) {
  const {
    tenant,
    may: { "twingate.network.write": canAdmin },
  } = await vendorPage(props, { vendor: "twingate", page: "/twingate/remote-networks", perm: "console.read" });
  const description =
    "The networks Twingate connectors reach into. Admins create, rename and relocate them; Twingate refuses to " +
    "delete one that still has resources.";
  if (!tenant)
    return <Unavailable vendor="twingate" title="Twingate remote networks" description={description} reason="tenant" />;
  const [networks, resources, connectors, sync] = await Promise.all([
    listObjects<{ location?: string; isActive?: boolean }>(db(), tenant.id, "remote_network"),
    listObjects<{ remoteNetworkId?: string }>(db(), tenant.id, "resource"),
    listObjects<{ remoteNetworkId?: string }>(db(), tenant.id, "connector"),
    lastTwingateSync(db(), tenant.id),
  ]);
  const count = (list: { attributes: { remoteNetworkId?: string } }[], id: string) =>
    list.filter((x) => x.attributes.remoteNetworkId === id).length;
  return (
    <>
      <PageHeader
        title={`Twingate remote networks · ${tenant.name}`}
        description={description}
        actions={canAdmin ? <CreateRemoteNetworkDialog tenantId={tenant.id} /> : null}
      />
      <CacheNote syncedAt={sync?.finishedAt} />
      <Table data-testid="twingate-remote-networks">
        <TableHeadings columns={["Name", "Location", "State", "Connectors", "Resources"]} actions={canAdmin} />
        <TableBody>
          {networks.length === 0 ? (
            <TableRow>
              <TableCell colSpan={6} className="py-8 text-center text-muted-foreground">
                No remote networks.
              </TableCell>
            </TableRow>
          ) : null}
          {networks.map((n) => {
            const res = count(resources, n.vendorId);
            const con = count(connectors, n.vendorId);
            return (
              <TableRow key={n.vendorId} data-testid="rn-row">
                <TableCell className="font-medium">{n.name}</TableCell>
                <TableCell>{n.attributes.location?.toLowerCase().replace("_", " ") ?? "other"}</TableCell>
                <TableCell>
                  {n.attributes.isActive === false ? (
                    <Badge variant="outline">inactive</Badge>
                  ) : (
                    <Badge variant="success">active</Badge>
                  )}
                </TableCell>
                <TableCell className="tabular-nums">{con}</TableCell>
                <TableCell className="tabular-nums">{res}</TableCell>
                {canAdmin ? (
                  <TableCell className="flex justify-end gap-2">
                    <EditRemoteNetworkDialog
                      tenantId={tenant.id}
                      remoteNetworkId={n.vendorId}
                      name={n.name}
                      location={n.attributes.location}
                    />
                    <ActionButton
                      action={deleteTwingateRemoteNetwork}
                      input={{ tenantId: tenant.id, remoteNetworkId: n.vendorId }}
                      label="Delete"
                      variant="ghost"
                      testId="rn-delete"
                      ariaLabel={`Delete ${n.name}`}
                      success={`Twingate: remote network ${n.name} deleted.`}
                      confirm={{
                        title: `Delete the remote network ${n.name}?`,
                        destructive: true,
                        typeToConfirm: n.name,
                        confirmLabel: "Delete network",
                        description: res
                          ? `It still has ${res} resource${res === 1 ? "" : "s"}: ` +
                            `Twingate refuses to delete it until they are deleted or moved.`
                          : `Its ${con} connector${con === 1 ? "" : "s"} are deleted with it. This cannot be undone.`,
                      }}
                    />
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
