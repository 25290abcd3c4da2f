import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { DomainUdp } from "@/components/trugrid/domain-udp";
import { TrugridUnavailable } from "@/components/trugrid/no-tenant";
import { TrugridUsersTable } from "@/components/trugrid/users-table";
import { db } from "@/lib/db";
import { listTrugridUsers, STATE_FILTERS, USER_SORTS } from "@/lib/trugrid/list-users";
import { trugridScope } from "@/lib/trugrid/scope";
import { oneOf, readTableState } from "@/lib/table/params";

export const metadata: Metadata = { title: "TruGrid users" };

type Search = Record<string, string | string[] | undefined>;

export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const { tenant, domainName, may } = await trugridScope();
  const description = "Users of the TruGrid domain as its last logon-IP read listed them. TruGrid has no call that reads MFA or UDP state: the console shows what it last set itself, or unknown.";
  if (!tenant || !domainName) {
    return <><PageHeader title="TruGrid users" description={description} /><TrugridUnavailable reason={tenant ? "connection" : "tenant"} /></>;
  }
  const search = await searchParams;
  const state = readTableState(search, { sortable: USER_SORTS, sort: "upn" });
  const { rows, total } = await listTrugridUsers(db(), tenant.id, state, {
    mfa: oneOf(search, "mfa", STATE_FILTERS), udp: oneOf(search, "udp", STATE_FILTERS),
  });
  return (
    <div className="space-y-6">
      <PageHeader title={`TruGrid users · ${tenant.name}`} description={description} />
      <TrugridUsersTable rows={rows} total={total} state={state} tenantId={tenant.id} canAct={may.user} />
      {may.domain ? <DomainUdp tenantId={tenant.id} domainName={domainName} users={await db().trugridUser.count({ where: { tenantId: tenant.id, deletedAt: null } })} /> : null}
    </div>
  );
}
