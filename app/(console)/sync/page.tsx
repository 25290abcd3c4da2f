import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ScheduleForm } from "@/components/sync/schedule-form";
import { SyncBoard } from "@/components/sync/sync-board";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { type PageProps, pageContext } from "@/lib/pages/page-context";
import { syncOverview } from "@/lib/sync/queries";

export const metadata: Metadata = { title: "Sync" };

export default async function SyncPage(props: PageProps) {
  const { staff, tenant } = await pageContext(props, { page: "/sync", perm: "console.read", tenant: "current" });
  const overview = tenant ? await syncOverview(staff, tenant.id) : null;
  return (
    <>
      <PageHeader
        title={tenant ? `Sync · ${tenant.name}` : "Sync"}
        description={
          "Pages read a local copy of each vendor's data. It is refreshed on a schedule and on demand; changes made " +
          "at a vendor outside this console show up in the audit log as changed_externally."
        }
      />
      {!tenant || !overview ? (
        <p className="text-sm text-muted-foreground">You are not assigned to any tenant yet.</p>
      ) : (
        <div className="grid gap-6">
          <SyncBoard tenantId={tenant.id} initial={overview} canRun={can(staff.role, "sync.run")} />
          <Card className="max-w-2xl">
            <CardTitle>Schedule</CardTitle>
            <CardDescription>
              {overview.schedule.enabled
                ? `Every ${overview.schedule.intervalMinutes} minutes.`
                : "Off: syncs run only when someone asks."}
            </CardDescription>
            {can(staff.role, "sync.schedule") ? <ScheduleForm tenantId={tenant.id} {...overview.schedule} /> : null}
          </Card>
        </div>
      )}
    </>
  );
}
