import { LogOut } from "lucide-react";
import { ReasonField } from "@/components/change-reason/reason-field";
import { PersonFinder } from "@/components/people/person-finder";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/auth/sign-in-actions";
import type { Staff } from "@/lib/auth/staff";
import type { TenantSummary } from "@/lib/tenants/scope";
import { MobileNav } from "./sidebar";
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
    <header className="flex h-14 items-center justify-between gap-2 border-b px-4 md:gap-4 md:px-6">
      <div className="flex min-w-0 items-center gap-2 md:gap-3">
        <MobileNav />
        <TenantSwitcher tenants={tenants} current={current?.id ?? null} />
        <PersonFinder />
        <ReasonField />
      </div>
      <div className="flex shrink-0 items-center gap-2 md:gap-3">
        <ThemeToggle />
        {/* Below 1024 px the name and role give their room to the tenant and the finder. */}
        <span className="hidden text-sm lg:inline" data-testid="signed-in-as">
          {staff.name}
        </span>
        <Badge variant="outline" className="hidden lg:inline-flex">
          {staff.role}
        </Badge>
        <form action={signOutAction}>
          <Button variant="ghost" size="sm" type="submit" aria-label="Sign out">
            <LogOut /> <span className="hidden lg:inline">Sign out</span>
          </Button>
        </form>
      </div>
    </header>
  );
}
