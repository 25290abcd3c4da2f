import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { LockBadge, MfaBadge, StateBadge, YesNo } from "@/components/jumpcloud/badges";
import { UserActions } from "@/components/jumpcloud/user-actions";
import { UserDetailsForm } from "@/components/jumpcloud/user-details-form";
import { UserRelations } from "@/components/jumpcloud/user-relations";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardTitle } from "@/components/ui/card";
import { When } from "@/components/ui/when";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { getUser } from "@/lib/jumpcloud/queries";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { pathId } from "@/lib/params/fields";

export const metadata: Metadata = { title: "JumpCloud user" };

export default async function Page(props: PageProps) {
  const ctx = await vendorPage(props, {
    vendor: "jumpcloud",
    page: "/jumpcloud/users/[id]",
    perm: "console.read",
    params: z.object({ id: pathId() }),
  });
  const {
    tenant,
    may,
    params: { id },
  } = ctx;
  if (!tenant) return <Unavailable vendor="jumpcloud" title="JumpCloud user" reason="tenant" />;
  const found = await ctx.found(getUser(db(), tenant.id, id), { type: "jumpcloud_user", id });
  const { user } = found;
  const raw = user.raw as Record<string, unknown> & {
    mfa?: { exclusion?: boolean; exclusionUntil?: string | null };
    account_locked_date?: string | null;
  };
  const canWrite = may["jumpcloud.write"];
  const values = Object.fromEntries(
    ["email", "username", "firstname", "lastname", "displayname", "department", "jobTitle"].map((k) => [
      k,
      typeof raw[k] === "string" ? (raw[k] as string) : "",
    ]),
  );
  return (
    <>
      <PageHeader
        title={user.displayname || user.email}
        description={
          <>
            <Link href="/jumpcloud/users" className="link">
              Users
            </Link>{" "}
            · {user.email} · synced <When at={user.syncedAt} />
          </>
        }
      />
      <div className="space-y-6">
        <Card>
          <CardTitle>Status</CardTitle>
          <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 text-sm" data-testid="user-status">
            <dt className="text-muted-foreground">State</dt>
            <dd>
              <StateBadge state={user.state} />
            </dd>
            <dt className="text-muted-foreground">Locked</dt>
            <dd>
              <LockBadge locked={user.accountLocked} />
              {user.accountLocked && raw.account_locked_date ? (
                <span className="ml-2 text-xs text-muted-foreground">
                  since <When at={raw.account_locked_date} />
                </span>
              ) : null}
            </dd>
            <dt className="text-muted-foreground">MFA enrolment</dt>
            <dd>
              <MfaBadge status={user.mfaStatus} />{" "}
              <span className="ml-2 text-xs text-muted-foreground">TOTP {user.totpEnabled ? "on" : "off"}</span>
            </dd>
            <dt className="text-muted-foreground">MFA exclusion</dt>
            <dd data-testid="user-exclusion">
              {raw.mfa?.exclusion ? (
                <>
                  until <When at={raw.mfa.exclusionUntil} />
                </>
              ) : (
                "none"
              )}
            </dd>
            <dt className="text-muted-foreground">Password expired</dt>
            <dd>
              <YesNo value={user.passwordExpired} yes="expired" />
            </dd>
            <dt className="text-muted-foreground">Created</dt>
            <dd>
              <When at={user.createdAtVendor} />
            </dd>
          </dl>
          {canWrite ? (
            <div className="mt-4">
              <UserActions
                tenantId={tenant.id}
                userId={user.vendorId}
                email={user.email}
                state={user.state}
                locked={!!user.accountLocked}
                canDelete={may["jumpcloud.destructive"]}
              />
            </div>
          ) : null}
        </Card>
        <Card>
          <CardTitle>Details</CardTitle>
          <div className="mt-3">
            <UserDetailsForm tenantId={tenant.id} userId={user.vendorId} values={values} disabled={!canWrite} />
          </div>
        </Card>
        <UserRelations
          tenantId={tenant.id}
          userId={user.vendorId}
          email={user.email}
          canWrite={canWrite}
          groups={found.groups.map((g) => ({ ...g, type: "user_group" }))}
          associations={found.associations}
        />
      </div>
    </>
  );
}
