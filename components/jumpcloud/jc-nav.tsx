"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/ui/cn";

const LINKS = [
  { href: "/jumpcloud", label: "Overview" },
  { href: "/jumpcloud/users", label: "Users" },
  { href: "/jumpcloud/user-groups", label: "User groups" },
  { href: "/jumpcloud/systems", label: "Systems" },
  { href: "/jumpcloud/system-groups", label: "System groups" },
  { href: "/jumpcloud/associations", label: "Associations" },
  { href: "/jumpcloud/bulk", label: "Bulk jobs" },
] as const;

export function JumpcloudNav() {
  const path = usePathname();
  return (
    <nav aria-label="JumpCloud" className="mb-4 flex flex-wrap gap-1 border-b pb-2">
      {LINKS.map((l) => {
        const active = l.href === "/jumpcloud" ? path === l.href : path.startsWith(l.href);
        return (
          <Link key={l.href} href={l.href} aria-current={active ? "page" : undefined}
            className={cn("rounded-md px-3 py-1.5 text-sm hover:bg-accent focus-visible:outline-2", active && "bg-accent font-medium")}>
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
