"use client";
import {
  Cloud,
  Fingerprint,
  LayoutDashboard,
  Menu,
  Network,
  PanelLeftClose,
  PanelLeftOpen,
  RefreshCw,
  ScrollText,
  Settings,
  Sheet,
  Shield,
  Users,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Dialog as D } from "radix-ui";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/ui/cn";
import { SIDEBAR_COOKIE } from "@/lib/ui/sidebar-cookie";
import { NAV_ITEMS } from "./nav-items";

const ICONS = {
  home: LayoutDashboard,
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
const ITEMS = [{ href: "/", label: "Overview", icon: "home" as const }, ...NAV_ITEMS];

/** The console's sections, named in full or (collapsed) as icons with their names for screen readers and on hover. */
function NavLinks({ collapsed, onNavigate }: { collapsed: boolean; onNavigate?: () => void }) {
  const pathname = usePathname();
  return ITEMS.map((item) => {
    const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
    const Icon = ICONS[item.icon];
    return (
      <Link
        key={item.href}
        href={item.href}
        onClick={onNavigate}
        aria-current={active ? "page" : undefined}
        title={collapsed ? item.label : undefined}
        className={cn(
          "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-accent",
          active && "bg-accent font-medium text-primary",
          collapsed && "justify-center",
        )}
      >
        <Icon className="size-4 shrink-0" aria-hidden />
        <span className={collapsed ? "sr-only" : undefined}>{item.label}</span>
      </Link>
    );
  });
}

/**
 * The main navigation: a column at 1024 px and wider, which a technician can collapse to icons (remembered in a
 * cookie, so the server renders it as left); below 1024 px a drawer opened from the header (MobileNav).
 */
export function Sidebar({ collapsed: initial }: { collapsed: boolean }) {
  const [collapsed, setCollapsed] = useState(initial);
  const toggle = () => {
    const next = !collapsed;
    setCollapsed(next);
    // A year: a layout preference, not a secret; the server reads it for the first render. (The Cookie Store API
    // is not in every browser a helpdesk uses.)
    // biome-ignore lint/suspicious/noDocumentCookie: one fixed name and value, nothing to escape
    document.cookie = `${SIDEBAR_COOKIE}=${next ? "collapsed" : "open"}; path=/; max-age=31536000; samesite=lax`;
  };
  const Toggle = collapsed ? PanelLeftOpen : PanelLeftClose;
  return (
    <nav
      aria-label="Main"
      data-collapsed={collapsed ? "" : undefined}
      className={cn(
        "sticky top-0 hidden h-screen shrink-0 flex-col gap-1 border-r bg-sidebar p-3 lg:flex",
        collapsed ? "w-14" : "w-56",
      )}
    >
      <Link
        href="/"
        className={cn("mb-3 px-2 text-sm font-semibold tracking-tight", collapsed && "sr-only")}
        tabIndex={collapsed ? -1 : undefined}
      >
        Helpdesk console
      </Link>
      <NavLinks collapsed={collapsed} />
      <Button
        variant="ghost"
        size="icon"
        className="mt-auto self-end"
        aria-label={collapsed ? "Expand the sidebar" : "Collapse the sidebar"}
        aria-expanded={!collapsed}
        onClick={toggle}
      >
        <Toggle />
      </Button>
    </nav>
  );
}

/** Below 1024 px: a menu button in the header that opens the navigation as a drawer from the left. */
export function MobileNav() {
  const [open, setOpen] = useState(false);
  return (
    <D.Root open={open} onOpenChange={setOpen}>
      <D.Trigger asChild>
        <Button variant="ghost" size="icon" className="lg:hidden" aria-label="Open the menu">
          <Menu />
        </Button>
      </D.Trigger>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <D.Content
          className="fixed inset-y-0 left-0 z-50 flex w-64 flex-col gap-1 border-r bg-sidebar p-3 shadow-lg"
          aria-describedby={undefined}
        >
          <D.Title className="mb-3 px-2 text-sm font-semibold tracking-tight">Helpdesk console</D.Title>
          <nav aria-label="Main" className="flex flex-col gap-1">
            <NavLinks collapsed={false} onNavigate={() => setOpen(false)} />
          </nav>
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
