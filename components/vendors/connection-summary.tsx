import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import type { ConnectionView } from "@/lib/tenants/connections";
import { CONNECTION_FIELDS, VENDOR_LABEL, type VendorId } from "@/lib/vendors/connection-fields";
import { TestConnectionButton } from "./test-connection-button";

export function ConnectionSummary({
  vendor,
  connection,
  tenantId,
  canManage,
  canTest,
}: {
  vendor: VendorId;
  connection: ConnectionView | undefined;
  tenantId: string;
  canManage: boolean;
  canTest: boolean;
}) {
  return (
    <Card data-testid={`connection-summary-${vendor}`}>
      <div className="flex items-center justify-between">
        <CardTitle>{VENDOR_LABEL[vendor]} connection</CardTitle>
        {connection ? <Badge variant="success">configured</Badge> : <Badge variant="warning">not configured</Badge>}
      </div>
      {connection ? (
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted-foreground">Base URL</dt>
          <dd className="font-mono text-xs">{connection.baseUrl}</dd>
          {CONNECTION_FIELDS[vendor].settings.map((s) => (
            <div key={s.key} className="contents">
              <dt className="text-muted-foreground">{s.label}</dt>
              <dd>{connection.settings[s.key] ?? "—"}</dd>
            </div>
          ))}
          <dt className="text-muted-foreground">Credentials</dt>
          <dd className="font-mono text-xs">{connection.credentialsHint}</dd>
        </dl>
      ) : (
        <CardDescription>This tenant has no {VENDOR_LABEL[vendor]} connection yet.</CardDescription>
      )}
      {connection && canTest ? (
        <div className="mt-3">
          <TestConnectionButton tenantId={tenantId} vendor={vendor} />
        </div>
      ) : null}
      {canManage ? (
        <Link href={`/settings/tenants/${tenantId}`} className="mt-3 inline-block text-sm link">
          Manage connections
        </Link>
      ) : null}
    </Card>
  );
}
