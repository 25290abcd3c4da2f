import type { Metadata } from "next";
import { ActionButton } from "@/components/actions/action-button";
import { PageHeader } from "@/components/shell/page-header";
import { ConnectorTokensDialog, CreateConnectorDialog } from "@/components/twingate/connector-forms";
import { EditConnectorDialog } from "@/components/twingate/network-forms";
import { Muted } from "@/components/twingate/state-badges";
import { CacheNote } from "@/components/twingate/twingate-shell";
import { Badge } from "@/components/ui/badge";
import { ActionsHead, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { namesById } from "@/lib/twingate/labels";
import { deleteTwingateConnector } from "@/lib/twingate/network-actions";
import { lastTwingateSync, listObjects } from "@/lib/twingate/queries";
import type { Connector } from "@/lib/vendors/twingate/schemas";

export const metadata: Metadata = { title: "Twingate connectors" };

const STATE: Record<string, { label: string; variant: "success" | "destructive" | "warning" }> = {
  ALIVE: { label: "online", variant: "success" },
  DEAD_NO_HEARTBEAT: { label: "never connected", variant: "warning" },
  DEAD_HEARTBEAT_TOO_OLD: { label: "offline", variant: "destructive" },
  DEAD_NO_RELAYS: { label: "no relays", variant: "destructive" },
};

export default async function Page(props: PageProps) {
  const {
    tenant,
    may: { "twingate.network.write": canAdmin },
  } = await vendorPage(props, { vendor: "twingate", page: "/twingate/connectors", perm: "console.read" });
  const description =
    "Connectors and their state as of the last sync (state and heartbeat change by themselves). Admins create " +
    "them (their tokens are shown once), rename them, turn status notifications on or off, issue new tokens and " +
    "delete them.";
  if (!tenant)
    return <Unavailable vendor="twingate" title="Twingate connectors" description={description} reason="tenant" />;
  const [connectors, networks, sync] = await Promise.all([
    listObjects<{ remoteNetworkId?: string; hasStatusNotificationsEnabled?: boolean }, Connector>(
      db(),
      tenant.id,
      "connector",
    ),
    listObjects(db(), tenant.id, "remote_network"),
    lastTwingateSync(db(), tenant.id),
  ]);
  const networkName = namesById(networks);
  return (
    <>
      <PageHeader
        title={`Twingate connectors · ${tenant.name}`}
        description={description}
        actions={
          canAdmin && networks.length ? (
            <CreateConnectorDialog
              tenantId={tenant.id}
              networks={networks.map((n) => ({ id: n.vendorId, name: n.name ?? n.vendorId }))}
            />
          ) : null
        }
      />
      <CacheNote syncedAt={sync?.finishedAt} />
      <Table data-testid="twingate-connectors">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Remote network</TableHead>
            <TableHead>State</TableHead>
            <TableHead>Last heartbeat</TableHead>
            <TableHead>Version</TableHead>
            <TableHead>Host</TableHead>
            <TableHead>Notifications</TableHead>
            {canAdmin ? <ActionsHead /> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {connectors.length === 0 ? (
            <TableRow>
              <TableCell colSpan={8} className="py-8 text-center text-muted-foreground">
                No connectors.
              </TableCell>
            </TableRow>
          ) : null}
          {connectors.map((c) => {
            const state = STATE[c.raw.state] ?? { label: c.raw.state, variant: "warning" as const };
            const notifications = c.attributes.hasStatusNotificationsEnabled ?? c.raw.hasStatusNotificationsEnabled;
            return (
              <TableRow key={c.vendorId} data-testid="connector-row">
                <TableCell className="font-medium">{c.name}</TableCell>
                <TableCell>
                  {c.attributes.remoteNetworkId ? (
                    (networkName[c.attributes.remoteNetworkId] ?? c.raw.remoteNetwork?.name)
                  ) : (
                    <Muted />
                  )}
                </TableCell>
                <TableCell>
                  <Badge variant={state.variant}>{state.label}</Badge>
                </TableCell>
                <TableCell>
                  <When at={c.raw.lastHeartbeatAt} />
                </TableCell>
                <TableCell>{c.raw.version ?? <Muted />}</TableCell>
                <TableCell className="font-mono text-xs">{c.raw.hostname ?? c.raw.publicIP ?? <Muted />}</TableCell>
                <TableCell>{notifications ? "on" : "off"}</TableCell>
                {canAdmin ? (
                  <TableCell className="flex justify-end gap-1">
                    <EditConnectorDialog
                      tenantId={tenant.id}
                      connectorId={c.vendorId}
                      name={c.name}
                      notifications={!!notifications}
                    />
                    <ConnectorTokensDialog tenantId={tenant.id} connectorId={c.vendorId} name={c.name ?? c.vendorId} />
                    <ActionButton
                      action={deleteTwingateConnector}
                      input={{ tenantId: tenant.id, connectorId: c.vendorId }}
                      label="Delete"
                      variant="ghost"
                      testId="connector-delete"
                      ariaLabel={`Delete ${c.name}`}
                      success={`Twingate: connector ${c.name} deleted.`}
                      confirm={{
                        title: `Delete the connector ${c.name}?`,
                        destructive: true,
                        confirmLabel: "Delete connector",
                        description:
                          "Its remote network is then reached only through its other connectors. This cannot be " +
                          "undone: a new connector is created and its host deployed again.",
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
