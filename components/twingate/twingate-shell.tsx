import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { When } from "@/components/ui/when";

export const TWINGATE_SECTIONS = [
  { href: "/twingate", label: "Overview" },
  { href: "/twingate/users", label: "Users" },
  { href: "/twingate/devices", label: "Devices" },
  { href: "/twingate/groups", label: "Groups" },
  { href: "/twingate/resources", label: "Resources" },
  { href: "/twingate/remote-networks", label: "Remote networks" },
  { href: "/twingate/connectors", label: "Connectors" },
  { href: "/twingate/service-accounts", label: "Service accounts" },
  { href: "/twingate/security-policies", label: "Security policies" },
] as const;

/** The frame of every Twingate page: title, the area's own links, and the page. */
export function TwingateShell({ title, tenantName, description, current, actions, children }: {
  title: string;
  tenantName?: string | null;
  description?: ReactNode;
  current: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={tenantName ? `${title} · ${tenantName}` : title} description={description} actions={actions} />
      <nav aria-label="Twingate" className="mb-4 flex flex-wrap gap-1 border-b pb-2 text-sm">
        {TWINGATE_SECTIONS.map((s) => (
          <Link key={s.href} href={s.href} aria-current={s.href === current ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 hover:bg-accent ${s.href === current ? "bg-accent font-medium" : "text-muted-foreground"}`}>
            {s.label}
          </Link>
        ))}
      </nav>
      {children}
    </>
  );
}

export function NoTenant() {
  return <Card><CardTitle>No tenant</CardTitle><CardDescription>You are not assigned to any tenant. Ask an admin to give you one.</CardDescription></Card>;
}

/** Says plainly that lists come from the cache, and when it was last filled. */
export function CacheNote({ syncedAt }: { syncedAt: Date | null | undefined }) {
  return (
    <p className="mb-3 text-xs text-muted-foreground" data-testid="cache-note">
      {syncedAt ? <>From the last Twingate sync (<When at={syncedAt} />) and the console&apos;s own changes since.</> : "Nothing synced yet: run a Twingate sync on the Sync page to fill these lists."}
    </p>
  );
}
