import type { Metadata } from "next";
import { PeopleTable } from "@/components/people/people-table";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { db } from "@/lib/db";
import { type PageProps, pageContext } from "@/lib/pages/page-context";
import { listPeople, PeopleSearch } from "@/lib/people/list-people";
import { tableState } from "@/lib/table/params";

export const metadata: Metadata = { title: "People" };

export default async function Page(props: PageProps) {
  const { tenant, search, ignored } = await pageContext(props, {
    page: "/people",
    perm: "console.read",
    tenant: "current",
    search: PeopleSearch,
  });
  const description =
    "One person across TruGrid, TruU, Twingate and JumpCloud, linked by UPN and email from the synced vendor data.";
  if (!tenant) {
    return (
      <>
        <PageHeader title="People" description={description} />
        <Card>
          <CardTitle>No tenant</CardTitle>
          <CardDescription>You are not assigned to any tenant. Ask an admin to give you one.</CardDescription>
        </Card>
      </>
    );
  }
  const state = tableState(search);
  const { rows, total } = await listPeople(db(), tenant.id, state, { only: search.only, missing: search.missing });
  return (
    <>
      <PageHeader title={`People · ${tenant.name}`} description={description} />
      <ParamNotices ignored={ignored} />
      <PeopleTable rows={rows} total={total} state={state} tenantId={tenant.id} />
    </>
  );
}
