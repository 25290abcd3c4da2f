import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import type { ConnectionView } from "@/lib/tenants/connections";
import { VENDOR_IDS, VENDOR_LABEL } from "@/lib/vendors/connection-fields";

/** Which of the four vendors a tenant is connected to. */
export function TenantConnectionsCard({
  tenant,
  connections,
  note,
}: {
  tenant: { id: string; name: string; isDemo: boolean };
  connections: ConnectionView[];
  note?: string;
}) {
  const byVendor = new Map(connections.map((c) => [c.vendor, c]));
  return (
    <Card data-testid="tenant-card">
      <CardTitle>
        {tenant.name} {tenant.isDemo ? <Badge className="ml-1">demo</Badge> : null}
      </CardTitle>
      {note ? <CardDescription>{note}</CardDescription> : null}
      <ul className="mt-3 grid grid-cols-2 gap-2 text-sm">
        {VENDOR_IDS.map((v) => (
          <li key={v} className="flex items-center justify-between rounded-md border px-3 py-2">
            <Link href={`/${v}`} className="link">
              {VENDOR_LABEL[v]}
            </Link>
            {byVendor.has(v) ? (
              <Badge variant="success">connected</Badge>
            ) : (
              <Badge variant="outline">not connected</Badge>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
