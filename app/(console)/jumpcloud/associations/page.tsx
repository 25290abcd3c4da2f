import type { Metadata } from "next";
import { AssociationsEditor } from "@/components/jumpcloud/associations-editor";
import { PageHeader } from "@/components/shell/page-header";
import { ParamNotices } from "@/components/shell/param-notices";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { listAssociations, PAIR_TYPES, PAIRS } from "@/lib/jumpcloud/queries";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { urlEnum } from "@/lib/params/fields";
import { tableSearch, tableState } from "@/lib/table/params";

export const metadata: Metadata = { title: "JumpCloud associations" };

const Search = tableSearch({ sortable: ["from"], sort: "from" }).extend({
  pair: urlEnum(PAIRS).default("user-system"),
});

export default async function Page(props: PageProps) {
  const { tenant, may, search, ignored } = await vendorPage(props, {
    vendor: "jumpcloud",
    page: "/jumpcloud/associations",
    perm: "console.read",
    search: Search,
  });
  if (!tenant) return <Unavailable vendor="jumpcloud" title="JumpCloud associations" reason="tenant" />;
  const { pair } = search;
  const state = tableState(search);
  const { rows, total } = await listAssociations(db(), tenant.id, pair, state);
  // The first pair is the page's default, so the select's empty option stands for it.
  const pairs = PAIRS.slice(1).map((p) => ({ value: p, label: PAIR_TYPES[p].label }));
  return (
    <>
      <PageHeader
        title={`JumpCloud associations · ${tenant.name}`}
        description={
          "Who gets an account where: users and user groups bound to systems and system groups. A user reaches a " +
          "system directly, through their groups, or through the system's groups."
        }
      />
      <ParamNotices ignored={ignored} />
      <AssociationsEditor
        tenantId={tenant.id}
        pair={pair}
        side={{ from: PAIR_TYPES[pair].from, to: PAIR_TYPES[pair].to }}
        pairs={pairs}
        defaultLabel={PAIR_TYPES["user-system"].label}
        rows={rows}
        total={total}
        state={state}
        canWrite={may["jumpcloud.write"]}
      />
    </>
  );
}
