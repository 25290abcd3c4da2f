"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/ui/cn";

const TABS = [
  { href: "/trugrid", label: "Overview" },
  { href: "/trugrid/users", label: "Users" },
  { href: "/trugrid/associations", label: "Machine associations" },
  { href: "/trugrid/assignments", label: "Assignments" },
  { href: "/trugrid/directory", label: "Active Directory" },
  { href: "/trugrid/allow-lists", label: "Allow-lists" },
  { href: "/trugrid/logon-ips", label: "Logon IPs" },
] as const;

/** The TruGrid area's sections, as links (each a route, so a view can be bookmarked). */
export function TrugridTabs() {
  const path = usePathname();
  return (
    <nav aria-label="TruGrid sections" className="mb-6 flex flex-wrap gap-1 border-b">
      {TABS.map((t) => {
        const active = t.href === "/trugrid" ? path === t.href : path.startsWith(t.href);
        return (
          <Link key={t.href} href={t.href} aria-current={active ? "page" : undefined}
            className={cn("-mb-px rounded-t-md border-b-2 px-3 py-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring",
              active ? "border-primary font-medium text-foreground" : "border-transparent text-muted-foreground hover:text-foreground")}>
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
