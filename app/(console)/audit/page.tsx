import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { ChainPanel } from "@/components/audit/chain-panel";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { chainStatus } from "@/lib/audit/chain-status";
import { AUDIT_OUTCOMES } from "@/lib/audit/event";
import { AuditFilter, listAuditEvents } from "@/lib/audit/query";
import { namedValues } from "@/lib/audit/value-names";
import { allows } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { type PageProps, pageContext } from "@/lib/pages/page-context";
import { tenantsInScope } from "@/lib/tenants/scope";
import { undoLabels } from "@/lib/undo/registry";
import { undoneEvents } from "@/lib/undo/undone-events";
import { VENDOR_IDS, VENDOR_LABEL } from "@/lib/vendors/connection-fields";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | undefined>;

function withParams(base: Search, patch: Search): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...base, before: undefined, after: undefined, ...patch })) if (v) p.set(k, v);
  return `/audit?${p}`;
}

function exportHref(params: Search, format: "csv" | "jsonl"): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v && k !== "before" && k !== "after") p.set(k, v);
  p.set("format", format);
  return `/api/audit/export?${p}`;
}

export default async function AuditPage(props: PageProps) {
  // The scope is in the query (auditWhere): a filter on another tenant matches nothing.
  const {
    staff,
    search: filter,
    ignored,
    kept: params,
  } = await pageContext(props, { page: "/audit", perm: "audit.read", search: AuditFilter, tenant: "global" });
  const isAdmin = allows(staff, "audit.verify");
  const [tenants, { events, olderCursor, newerCursor, person }, status] = await Promise.all([
    tenantsInScope(staff),
    listAuditEvents(staff, filter),
    isAdmin ? chainStatus() : null,
  ]);
  const tenantNames = Object.fromEntries(tenants.map((t) => [t.id, t.name]));
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Everything anyone did in this console, newest first. Events are append-only and hash-chained."
      />
      <ParamNotices ignored={ignored} />
      {status ? <ChainPanel status={status} canSetRetention={allows(staff, "audit.retention")} /> : null}
      {params.person ? (
        <p className="mb-3 text-sm" data-testid="person-filter">
          {person
            ? `Events about ${person.label}: naming any of their ${person.ids} addresses, accounts and devices.`
            : "That person is not in a tenant you can see: no events match."}{" "}
          <Link href={withParams(params, { person: undefined })} className="link">
            Show everyone
          </Link>
        </p>
      ) : null}
      <form
        method="get"
        className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6"
        aria-label="Filter audit events"
      >
        <Input
          name="q"
          type="search"
          placeholder="Search everything (words, emails, IPs, reasons)"
          defaultValue={params.q}
          aria-label="Search"
          className="col-span-2"
        />
        <Input name="actor" placeholder="Actor name or email" defaultValue={params.actor} aria-label="Actor" />
        <Input name="action" placeholder="Action, e.g. trugrid.mfa" defaultValue={params.action} aria-label="Action" />
        <Input name="target" placeholder="Target id, UPN or name" defaultValue={params.target} aria-label="Target" />
        <Input name="job" placeholder="Job id" defaultValue={params.job} aria-label="Job" />
        {params.person ? <input type="hidden" name="person" value={params.person} /> : null}
        <Select name="tenant" defaultValue={params.tenant ?? ""} aria-label="Tenant">
          <option value="">All tenants</option>
          {tenants.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
        <Select name="vendor" defaultValue={params.vendor ?? ""} aria-label="Vendor">
          <option value="">All vendors</option>
          {VENDOR_IDS.map((v) => (
            <option key={v} value={v}>
              {VENDOR_LABEL[v]}
            </option>
          ))}
        </Select>
        <Select name="outcome" defaultValue={params.outcome ?? ""} aria-label="Outcome">
          <option value="">Any outcome</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </Select>
        <Input name="from" type="datetime-local" defaultValue={params.from} aria-label="From" />
        <Input name="to" type="datetime-local" defaultValue={params.to} aria-label="To" />
        <div className="flex gap-2">
          <Button type="submit">Filter</Button>
          <Button asChild variant="outline">
            <Link href="/audit">Clear</Link>
          </Button>
        </div>
      </form>
      <div className="mb-2 flex justify-end gap-2 text-sm">
        <span className="self-center text-muted-foreground">Export the filtered events:</span>
        <Button asChild variant="outline" size="sm">
          <a href={exportHref(params, "csv")} download data-testid="export-csv">
            CSV
          </a>
        </Button>
        <Button asChild variant="outline" size="sm">
          <a href={exportHref(params, "jsonl")} download data-testid="export-jsonl">
            JSON lines
          </a>
        </Button>
      </div>
      <AuditTable
        events={await namedValues(db(), events)}
        tenantNames={tenantNames}
        undoLabels={undoLabels()}
        undone={
          await undoneEvents(
            db(),
            events.map((e) => e.id),
          )
        }
      />
      <div className="mt-4 flex justify-between">
        {newerCursor !== null ? (
          <Button asChild variant="outline">
            <Link href={withParams(params, { after: String(newerCursor) })}>← Newer</Link>
          </Button>
        ) : (
          <span />
        )}
        {olderCursor !== null ? (
          <Button asChild variant="outline">
            <Link href={withParams(params, { before: String(olderCursor) })}>Older →</Link>
          </Button>
        ) : (
          <span />
        )}
      </div>
    </>
  );
}
