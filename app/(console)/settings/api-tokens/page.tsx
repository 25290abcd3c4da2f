import type { Metadata } from "next";
import { CreateApiTokenForm } from "@/components/settings/create-api-token-form";
import { RevokeApiToken } from "@/components/settings/revoke-api-token";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import {
  ActionsHead,
  Clip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { visibleApiTokens } from "@/lib/api-tokens/queries";
import { db } from "@/lib/db";
import { type PageProps, pageContext } from "@/lib/pages/page-context";
import { tenantsInScope } from "@/lib/tenants/scope";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage(props: PageProps) {
  const { staff } = await pageContext(props, {
    page: "/settings/api-tokens",
    perm: "api_tokens.manage",
    tenant: "global",
  });
  const [tokens, tenants] = await Promise.all([visibleApiTokens(db(), staff), tenantsInScope(staff)]);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          "Scripts call the console's routes with a token in an Authorization: Bearer header. A token acts as its " +
          "owner, never with more than it was given: the lesser role, and only tenants both still have."
        }
      />
      {tokens.length === 0 ? (
        <p className="rounded-md border p-6 text-sm text-muted-foreground">No API tokens yet.</p>
      ) : (
        <Table data-testid="api-tokens">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Owner</TableHead>
              <TableHead>Role</TableHead>
              <TableHead>Tenants</TableHead>
              <TableHead>Expires</TableHead>
              <TableHead>Last used</TableHead>
              <ActionsHead />
            </TableRow>
          </TableHeader>
          <TableBody>
            {tokens.map((t) => (
              <TableRow key={t.id}>
                <TableCell>
                  <Clip text={t.name} />
                </TableCell>
                <TableCell>{t.owner}</TableCell>
                <TableCell>{t.role}</TableCell>
                <TableCell>
                  <Clip text={t.tenants.join(", ")} />
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {t.revokedAt ? (
                    <Badge variant="destructive">Revoked</Badge>
                  ) : t.expiresAt <= now ? (
                    <Badge variant="warning">Expired</Badge>
                  ) : (
                    <When at={t.expiresAt} />
                  )}
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {t.lastUsedAt ? (
                    <>
                      <When at={t.lastUsedAt} />
                      {t.lastUsedIp ? <div className="text-xs text-muted-foreground">{t.lastUsedIp}</div> : null}
                    </>
                  ) : (
                    <span className="text-muted-foreground">Never</span>
                  )}
                </TableCell>
                <TableCell>{t.revokedAt ? null : <RevokeApiToken tokenId={t.id} name={t.name} />}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Card className="mt-6 max-w-3xl">
        <CardTitle>Create a token</CardTitle>
        <CreateApiTokenForm tenants={tenants} role={staff.role} />
      </Card>
    </>
  );
}
