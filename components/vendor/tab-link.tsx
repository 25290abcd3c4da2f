"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";
import { isActiveTab } from "@/lib/vendors/active-tab";

/** One tab of a vendor area: marked current (aria-current) on its page and the pages below it. */
export function TabLink({ href, exact, children }: { href: string; exact: boolean; children: ReactNode }) {
  const active = isActiveTab(href, usePathname(), exact);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "-mb-px whitespace-nowrap rounded-t-md border-b-2 px-2.5 py-2 text-sm outline-none " +
          "focus-visible:ring-2 focus-visible:ring-ring",
        active
          ? "border-primary font-medium text-foreground"
          : "border-transparent text-muted-foreground hover:text-foreground",
      )}
    >
      {children}
    </Link>
  );
}
