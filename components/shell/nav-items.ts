export const NAV_ITEMS = [
  { href: "/people", label: "People", icon: "users" },
  { href: "/trugrid", label: "TruGrid", icon: "shield" },
  { href: "/truu", label: "TruU", icon: "fingerprint" },
  { href: "/twingate", label: "Twingate", icon: "network" },
  { href: "/jumpcloud", label: "JumpCloud", icon: "cloud" },
  { href: "/bulk", label: "Bulk changes", icon: "sheet" },
  { href: "/sync", label: "Sync", icon: "refresh" },
  { href: "/audit", label: "Audit log", icon: "scroll" },
  { href: "/settings", label: "Settings", icon: "settings" },
] as const;
