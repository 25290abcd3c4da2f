import { LogOut } from "lucide-react";
import { PersonFinder } from "@/components/people/person-finder";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/auth/sign-in-actions";
import type { Staff } from "@/lib/auth/staff";
import type { TenantSummary } from "@/lib/tenants/scope";
import { TenantSwitcher } from "./tenant-switcher";
import { ThemeToggle } from "./theme-toggle";

export function Header({
  staff,
  tenants,
  current,
}: {
  staff: Staff;
  tenants: TenantSummary[];
  current: TenantSummary | null;
}) {
  return (
    <header className="flex h-14 items-center justify-between gap-4 border-b px-6">
      <div className="flex items-center gap-3">
        <TenantSwitcher tenants={tenants} current={current?.id ?? null} />
        <PersonFinder />
      </div>
      <div className="flex items-center gap-3">
        <ThemeToggle />
        <span className="text-sm" data-testid="signed-in-as">
          {staff.name}
        </span>
        <Badge variant="outline">{staff.role}</Badge>
        <form action={signOutAction}>
          <Button variant="ghost" size="sm" type="submit">
            <LogOut /> Sign out
          </Button>
        </form>
      </div>
    </header>
  );
}
