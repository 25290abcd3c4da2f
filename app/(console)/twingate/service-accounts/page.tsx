import type { Metadata } from "next";
import { ActionButton } from "@/components/actions/action-button";
import { PageHeader } from "@/components/shell/page-header";
import {
  CreateKeyDialog,
  CreateServiceAccountDialog,
  RenameKeyDialog,
  RenameServiceAccountDialog,
} from "@/components/twingate/network-forms";
import { Muted } from "@/components/twingate/state-badges";
import { CacheNote } from "@/components/twingate/twingate-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { ActionsHead, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import {
  deleteTwingateServiceAccount,
  deleteTwingateServiceKey,
  revokeTwingateServiceKey,
} from "@/lib/twingate/account-actions";
import { edgeCounts, lastTwingateSync, listObjects } from "@/lib/twingate/queries";
import type { ServiceAccountKey } from "@/lib/vendors/twingate/schemas";

export const metadata: Metadata = { title: "Twingate service accounts" };

const KEY_VARIANT = { ACTIVE: "success", EXPIRED: "outline", REVOKED: "destructive" } as const;

export default async function Page(props: PageProps) {
  const {
    tenant,
    may: { "twingate.network.write": canAdmin },
  } = await vendorPage(props, { vendor: "twingate", page: "/twingate/service-accounts", perm: "console.read" });
  const description =
    "Machine identities and their keys. Admins create, rename and delete accounts, and create, rename, revoke and " +
    "delete keys; a new key's token is shown once.";
  if (!tenant)
    return (
      <Unavailable vendor="twingate" title="Twingate service accounts" description={description} reason="tenant" />
    );
  const [accounts, keys, access, sync] = await Promise.all([
    listObjects(db(), tenant.id, "service_account"),
    listObjects<{ status?: string; serviceAccountId?: string }, ServiceAccountKey>(
      db(),
      tenant.id,
      "service_account_key",
    ),
    edgeCounts(db(), tenant.id, "resource_access", "toId"),
    lastTwingateSync(db(), tenant.id),
  ]);
  const tenantId = tenant.id;
  return (
    <>
      <PageHeader
        title={`Twingate service accounts · ${tenant.name}`}
        description={description}
        actions={canAdmin ? <CreateServiceAccountDialog tenantId={tenantId} /> : null}
      />
      <CacheNote syncedAt={sync?.finishedAt} />
      {accounts.length === 0 ? <p className="text-sm text-muted-foreground">No service accounts.</p> : null}
      <div className="grid gap-4">
        {accounts.map((a) => {
          const own = keys.filter((k) => k.attributes.serviceAccountId === a.vendorId);
          return (
            <Card key={a.vendorId} data-testid="sa-card">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <CardTitle>
                  {a.name}{" "}
                  <span className="text-sm font-normal text-muted-foreground">
                    · reaches {access.get(a.vendorId) ?? 0} resource{access.get(a.vendorId) === 1 ? "" : "s"}
                  </span>
                </CardTitle>
                {canAdmin ? (
                  <div className="flex gap-2">
                    <CreateKeyDialog tenantId={tenantId} serviceAccountId={a.vendorId} accountName={a.name} />
                    <RenameServiceAccountDialog tenantId={tenantId} serviceAccountId={a.vendorId} name={a.name} />
                    <ActionButton
                      action={deleteTwingateServiceAccount}
                      input={{ tenantId, serviceAccountId: a.vendorId }}
                      label="Delete"
                      variant="ghost"
                      testId="sa-delete"
                      ariaLabel={`Delete ${a.name}`}
                      success={`Twingate: service account ${a.name} deleted.`}
                      confirm={{
                        title: `Delete the service account ${a.name}?`,
                        destructive: true,
                        typeToConfirm: a.name,
                        confirmLabel: "Delete account",
                        description:
                          `Its ${own.length} key${own.length === 1 ? "" : "s"} ` +
                          `stop working and its access to ${access.get(a.vendorId) ?? 0}` +
                          ` resource${access.get(a.vendorId) === 1 ? "" : "s"} ends. ` +
                          `This cannot be undone.`,
                      }}
                    />
                  </div>
                ) : null}
              </div>
              <Table className="mt-3" data-testid="sa-keys">
                <TableHeader>
                  <TableRow>
                    <TableHead>Key</TableHead>
                    <TableHead>Status</TableHead>
                    <TableHead>Expires</TableHead>
                    <TableHead>Revoked</TableHead>
                    {canAdmin ? <ActionsHead /> : null}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {own.length === 0 ? (
                    <TableRow>
                      <TableCell colSpan={5} className="py-4 text-center text-muted-foreground">
                        No keys.
                      </TableCell>
                    </TableRow>
                  ) : null}
                  {own.map((k) => {
                    const status = (k.attributes.status ?? k.raw.status) as keyof typeof KEY_VARIANT;
                    return (
                      <TableRow key={k.vendorId} data-testid="key-row">
                        <TableCell>{k.name}</TableCell>
                        <TableCell>
                          <Badge variant={KEY_VARIANT[status] ?? "default"}>{status?.toLowerCase()}</Badge>
                        </TableCell>
                        <TableCell>{k.raw.expiresAt ? <When at={k.raw.expiresAt} /> : <Muted>never</Muted>}</TableCell>
                        <TableCell>{k.raw.revokedAt ? <When at={k.raw.revokedAt} /> : <Muted />}</TableCell>
                        {canAdmin ? (
                          <TableCell className="flex justify-end gap-1">
                            <RenameKeyDialog tenantId={tenantId} keyId={k.vendorId} name={k.name} />
                            {status === "ACTIVE" ? (
                              <ActionButton
                                action={revokeTwingateServiceKey}
                                input={{ tenantId, keyId: k.vendorId }}
                                label="Revoke"
                                variant="ghost"
                                testId="key-revoke"
                                ariaLabel={`Revoke ${k.name}`}
                                success={`Twingate: key ${k.name} revoked.`}
                                confirm={{
                                  title: `Revoke the key ${k.name}?`,
                                  destructive: true,
                                  description:
                                    "Whatever uses this key loses access at once. A revoked key cannot be made " +
                                    "active again.",
                                }}
                              />
                            ) : (
                              <ActionButton
                                action={deleteTwingateServiceKey}
                                input={{ tenantId, keyId: k.vendorId }}
                                label="Delete"
                                variant="ghost"
                                testId="key-delete"
                                ariaLabel={`Delete ${k.name}`}
                                success={`Twingate: key ${k.name} deleted.`}
                                confirm={{
                                  title: `Delete the key ${k.name}?`,
                                  destructive: true,
                                  description: "The revoked or expired key is removed from the list.",
                                }}
                              />
                            )}
                          </TableCell>
                        ) : null}
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </Card>
          );
        })}
      </div>
    </>
  );
}
