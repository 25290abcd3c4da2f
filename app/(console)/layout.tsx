import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { ChangeReasonProvider } from "@/components/change-reason/change-reason";
import { BrowserTimeZone } from "@/components/shell/browser-time-zone";
import { Header } from "@/components/shell/header";
import { Sidebar } from "@/components/shell/sidebar";
import { TimeZoneProvider } from "@/components/ui/time-zone";
import { requireStaff } from "@/lib/auth/session";
import { staffTimeZone } from "@/lib/format/staff-time-zone";
import { currentTenant, tenantsInScope } from "@/lib/tenants/scope";
import { SIDEBAR_COOKIE } from "@/lib/ui/sidebar-cookie";

// Every page below re-checks the session itself (pageContext, lib/pages):
// layouts and pages render in parallel, so a layout alone is not a guard.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff();
  const [tenants, current, timeZone, jar] = await Promise.all([
    tenantsInScope(staff),
    currentTenant(staff),
    staffTimeZone(staff),
    cookies(),
  ]);
  return (
    <TimeZoneProvider timeZone={timeZone}>
      <ChangeReasonProvider required={current?.requireChangeReason ?? false}>
        <BrowserTimeZone rendered={staff.timeZone ? null : timeZone} />
        {/* The first thing a keyboard reaches: past the navigation to the page itself (WCAG 2.4.1). */}
        <a
          href="#main"
          className={
            "sr-only z-50 rounded-md bg-card px-3 py-2 text-sm shadow " +
            "focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
          }
        >
          Skip to the page
        </a>
        {/* The staff member's table density, read by globals.css ([data-density]). */}
        <div className="flex min-h-screen" data-density={staff.density}>
          <Sidebar collapsed={jar.get(SIDEBAR_COOKIE)?.value === "collapsed"} />
          <div className="flex min-w-0 flex-1 flex-col">
            <Header staff={staff} tenants={tenants} current={current} />
            <main id="main" tabIndex={-1} className="flex-1 p-4 outline-none md:p-6">
              {children}
            </main>
          </div>
        </div>
      </ChangeReasonProvider>
    </TimeZoneProvider>
  );
}
