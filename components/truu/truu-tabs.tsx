"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/ui/cn";

const TABS = [
  { href: "/truu", label: "Overview" },
  { href: "/truu/devices", label: "Devices" },
  { href: "/truu/users", label: "Users" },
  { href: "/truu/assets", label: "Assets" },
] as const;

export function TruuTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="TruU" className="mb-4 flex gap-1 border-b">
      {TABS.map((t) => {
        const active = t.href === "/truu" ? pathname === "/truu" : pathname.startsWith(t.href);
        return (
          <Link key={t.href} href={t.href} aria-current={active ? "page" : undefined}
            className={cn("-mb-px border-b-2 border-transparent px-3 py-2 text-sm hover:text-foreground", active ? "border-primary font-medium text-primary" : "text-muted-foreground")}>
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
