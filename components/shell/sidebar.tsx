"use client";
import {
  Cloud,
  Fingerprint,
  LayoutDashboard,
  Network,
  RefreshCw,
  ScrollText,
  Settings,
  Sheet,
  Shield,
  Users,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/ui/cn";
import { NAV_ITEMS } from "./nav-items";

const ICONS = {
  users: Users,
  shield: Shield,
  fingerprint: Fingerprint,
  network: Network,
  cloud: Cloud,
  sheet: Sheet,
  refresh: RefreshCw,
  scroll: ScrollText,
  settings: Settings,
};

export function Sidebar() {
  const pathname = usePathname();
  const items = [{ href: "/", label: "Overview", icon: "home" as const }, ...NAV_ITEMS];
  return (
    <nav aria-label="Main" className="flex w-56 shrink-0 flex-col gap-1 border-r bg-sidebar p-3">
      <Link href="/" className="mb-3 px-2 text-sm font-semibold tracking-tight">
        Helpdesk console
      </Link>
      {items.map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        const Icon = item.icon === "home" ? LayoutDashboard : ICONS[item.icon];
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-accent",
              active && "bg-accent font-medium text-primary",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
