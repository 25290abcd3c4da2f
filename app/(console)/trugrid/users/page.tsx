import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { DomainUdp } from "@/components/trugrid/domain-udp";
import { TrugridUsersTable } from "@/components/trugrid/users-table";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { tableState } from "@/lib/table/params";
import { listTrugridUsers, TrugridUserSearch, trugridUserCount } from "@/lib/trugrid/list-users";

export const metadata: Metadata = { title: "TruGrid users" };

export default async function Page(props: PageProps) {
  const { tenant, connection, may, search, ignored } = await vendorPage(props, {
    vendor: "trugrid",
    page: "/trugrid/users",
    perm: "console.read",
    search: TrugridUserSearch,
  });
  const domainName = connection?.settings.domainName;
  const description =
    "Users of the TruGrid domain as its last logon-IP read listed them. TruGrid has no call that reads MFA or UDP " +
    "state: the console shows what it last set itself, or unknown.";
  if (!tenant || !domainName) {
    return (
      <Unavailable
        vendor="trugrid"
        title="TruGrid users"
        description={description}
        reason={tenant ? "connection" : "tenant"}
      />
    );
  }
  const state = tableState(search);
  const { rows, total } = await listTrugridUsers(db(), tenant.id, state, { mfa: search.mfa, udp: search.udp });
  return (
    <div className="space-y-6">
      <PageHeader title={`TruGrid users · ${tenant.name}`} description={description} />
      <ParamNotices ignored={ignored} />
      <TrugridUsersTable
        rows={rows}
        total={total}
        state={state}
        tenantId={tenant.id}
        canAct={may["trugrid.user.write"]}
      />
      {may["trugrid.domain.write"] ? (
        <DomainUdp tenantId={tenant.id} domainName={domainName} users={await trugridUserCount(db(), tenant.id)} />
      ) : null}
    </div>
  );
}
