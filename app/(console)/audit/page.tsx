import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { AuditFilter, listAuditEvents } from "@/lib/audit/query";
import { AUDIT_OUTCOMES } from "@/lib/audit/event";
import { requirePermission } from "@/lib/auth/session";
import { tenantsInScope } from "@/lib/tenants/scope";
import { undoLabels } from "@/lib/undo/registry";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | undefined>;

function withParams(base: Search, patch: Search): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...base, before: undefined, after: undefined, ...patch })) if (v) p.set(k, v);
  return `/audit?${p}`;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requirePermission("audit.read");
  const params = await searchParams;
  const filter = AuditFilter.parse(params);
  const [tenants, { events, olderCursor, newerCursor }] = await Promise.all([tenantsInScope(staff), listAuditEvents(staff, filter)]);
  const tenantNames = Object.fromEntries(tenants.map((t) => [t.id, t.name]));
  return (
    <>
      <PageHeader title="Audit log" description="Everything anyone did in this console, newest first. Events are append-only and hash-chained." />
      <form method="get" className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-7" aria-label="Filter audit events">
        <Input name="actor" placeholder="Actor name or email" defaultValue={params.actor} aria-label="Actor" />
        <Input name="action" placeholder="Action, e.g. staff." defaultValue={params.action} aria-label="Action" />
        <Select name="tenant" defaultValue={params.tenant ?? ""} aria-label="Tenant">
          <option value="">All tenants</option>
          {tenants.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </Select>
        <Select name="outcome" defaultValue={params.outcome ?? ""} aria-label="Outcome">
          <option value="">Any outcome</option>
          {AUDIT_OUTCOMES.map((o) => <option key={o} value={o}>{o}</option>)}
        </Select>
        <Input name="from" type="datetime-local" defaultValue={params.from} aria-label="From" />
        <Input name="to" type="datetime-local" defaultValue={params.to} aria-label="To" />
        <div className="flex gap-2">
          <Button type="submit">Filter</Button>
          <Button asChild variant="outline"><Link href="/audit">Clear</Link></Button>
        </div>
      </form>
      <AuditTable events={events} tenantNames={tenantNames} undoLabels={undoLabels()} />
      <div className="mt-4 flex justify-between">
        {newerCursor !== null ? <Button asChild variant="outline"><Link href={withParams(params, { after: String(newerCursor) })}>← Newer</Link></Button> : <span />}
        {olderCursor !== null ? <Button asChild variant="outline"><Link href={withParams(params, { before: String(olderCursor) })}>Older →</Link></Button> : <span />}
      </div>
    </>
  );
}
