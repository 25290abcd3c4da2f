import type { Metadata } from "next";
import { AssociationsEditor } from "@/components/jumpcloud/associations-editor";
import { NoTenant } from "@/components/jumpcloud/no-tenant";
import { PageHeader } from "@/components/shell/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listAssociations, PAIR_TYPES, PAIRS } from "@/lib/jumpcloud/queries";
import { oneOf, readTableState } from "@/lib/table/params";
import { currentTenant } from "@/lib/tenants/scope";

export const metadata: Metadata = { title: "JumpCloud associations" };

type Search = Record<string, string | string[] | undefined>;

export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requireStaff();
  const tenant = await currentTenant(staff);
  if (!tenant) return <NoTenant title="JumpCloud associations" />;
  const search = await searchParams;
  const pair = oneOf(search, "pair", PAIRS) ?? "user-system";
  const state = readTableState(search, { sortable: ["from"] as const, sort: "from" });
  const { rows, total } = await listAssociations(db(), tenant.id, pair, state);
  // The first pair is the page's default, so the select's empty option stands for it.
  const pairs = PAIRS.slice(1).map((p) => ({ value: p, label: PAIR_TYPES[p].label }));
  return (
    <>
      <PageHeader title={`JumpCloud associations · ${tenant.name}`}
        description="Who gets an account where: users and user groups bound to systems and system groups. A user reaches a system directly, through their groups, or through the system's groups." />
      <AssociationsEditor tenantId={tenant.id} pair={pair} side={{ from: PAIR_TYPES[pair].from, to: PAIR_TYPES[pair].to }}
        pairs={pairs} defaultLabel={PAIR_TYPES["user-system"].label} rows={rows} total={total} state={state} canWrite={can(staff.role, "jumpcloud.write")} />
    </>
  );
}
