import type { Metadata } from "next";
import { PeopleTable } from "@/components/people/people-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listPeople, PEOPLE_SORTS, PEOPLE_VENDOR_FILTERS } from "@/lib/people/list-people";
import { oneOf, readTableState } from "@/lib/table/params";
import { currentTenant } from "@/lib/tenants/scope";

export const metadata: Metadata = { title: "People" };

type Search = Record<string, string | string[] | undefined>;

export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requireStaff();
  const tenant = await currentTenant(staff);
  const description = "One person across TruGrid, TruU, Twingate and JumpCloud, linked by UPN and email from the synced vendor data.";
  if (!tenant) {
    return (
      <>
        <PageHeader title="People" description={description} />
        <Card><CardTitle>No tenant</CardTitle><CardDescription>You are not assigned to any tenant. Ask an admin to give you one.</CardDescription></Card>
      </>
    );
  }
  const search = await searchParams;
  const state = readTableState(search, { sortable: PEOPLE_SORTS, sort: "email" });
  const { rows, total } = await listPeople(db(), tenant.id, state, {
    only: oneOf(search, "only", PEOPLE_VENDOR_FILTERS),
    missing: oneOf(search, "missing", PEOPLE_VENDOR_FILTERS),
  });
  return (
    <>
      <PageHeader title={`People · ${tenant.name}`} description={description} />
      <PeopleTable rows={rows} total={total} state={state} />
    </>
  );
}
