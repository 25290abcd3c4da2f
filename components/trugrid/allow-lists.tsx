"use client";
import { useRunAction } from "@/components/actions/use-run-action";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { When } from "@/components/ui/when";
import { refreshAllowLists } from "@/lib/trugrid/lookup-actions";
import { CopyExport } from "./copy-export";

function ValueList({
  title,
  description,
  values,
  name,
  header,
  label,
  testId,
}: {
  title: string;
  description: string;
  values: string[];
  name: string;
  header: string;
  label: string;
  testId: string;
}) {
  return (
    <Card data-testid={testId}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <CardTitle>{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
        <CopyExport name={name} header={[header]} rows={values.map((v) => [v])} label={label} />
      </div>
      <ul className="mt-3 space-y-1 font-mono text-sm">
        {values.map((v) => (
          <li key={v} data-testid="allow-list-value">
            {v}
          </li>
        ))}
        {values.length === 0 ? (
          <li className="font-sans text-muted-foreground">None cached. Read them from TruGrid or run a sync.</li>
        ) : null}
      </ul>
    </Card>
  );
}

export function AllowLists({
  tenantId,
  domainName,
  ips,
  dns,
  readAt,
  canRead,
}: {
  tenantId: string;
  domainName: string;
  ips: string[];
  dns: string[];
  readAt: string | null;
  canRead: boolean;
}) {
  const { run, pending } = useRunAction();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
        <span>
          {readAt ? (
            <>
              Read from TruGrid <When at={readAt} />.
            </>
          ) : (
            "Not read from TruGrid yet."
          )}
        </span>
        {canRead ? (
          <Button
            size="sm"
            variant="outline"
            disabled={pending}
            onClick={() => void run(refreshAllowLists, { tenantId }, { success: (d) => d.message })}
          >
            Read again from TruGrid
          </Button>
        ) : null}
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <ValueList
          testId="allowed-ips"
          title="IP allow-list"
          description={`Addresses TruGrid allows for ${domainName}: for firewall rules and monitoring.`}
          values={ips}
          name={`trugrid-ip-allow-list-${domainName}`}
          header="ip"
          label="IP addresses"
        />
        <ValueList
          testId="external-dns"
          title="External DNS"
          description="DNS names the TruGrid clients must reach: allow them through web filters and firewalls."
          values={dns}
          name={`trugrid-external-dns-${domainName}`}
          header="dns"
          label="DNS names"
        />
      </div>
    </div>
  );
}
