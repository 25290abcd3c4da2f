import { z } from "zod";
import { statusesOf } from "../../trugrid/item-outcome";
import type { TruGridClient } from "../../vendors/trugrid";
import { type CacheContext, operation } from "../operation";
import { namedOutcomes } from "./_ad-sync";
import { domainChange } from "./_domain";
import { outcomes } from "./_user-state";

const Dns = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "Not a DNS name (such as corp.example.com).",
  );

/**
 * TruGrid's rule: a suffix may not be a domain registered in TruGrid, nor a
 * suffix of another domain; it says which per item. TruGrid has no call that
 * lists suffixes, so the console knows only those added through it (audit log).
 */
/** The suffixes this console added with TruGrid's success, from the audit log. */
async function addedSuffixes(ctx: CacheContext): Promise<Set<string>> {
  const rows = await ctx.db.$queryRaw<{ name: string }[]>`
    SELECT DISTINCT lower(a) AS name FROM "AuditEvent" e,
      jsonb_array_elements_text(CASE WHEN jsonb_typeof(e.after->'added') = 'array' THEN e.after->'added'
        ELSE '[]'::jsonb END) a
    WHERE e."tenantId" = ${ctx.tenantId} AND e.action = 'trugrid.upn_suffix.added' AND e.outcome = 'success'`;
  return new Set(rows.map((r) => r.name));
}

export default operation<{ name: string }, { alreadyAdded: boolean }>({
  ...domainChange({
    id: "trugrid.upn_suffix.added",
    label: "Add UPN suffixes",
    help: "Adds alternative UPN suffixes (DNS names) to the TruGrid domain.",
  }),
  idempotent: false,
  input: z.object({ name: Dns }),
  list: { field: "suffixes", of: "name", max: 100, empty: "Enter at least one suffix." },
  chunk: 100,
  // TruGrid cannot list suffixes: the before says which of these this console added already.
  before: async (ctx, items) => {
    const added = await addedSuffixes(ctx);
    return items.map((i) => ({ state: { alreadyAdded: added.has(i.name) } }));
  },
  expect: () => ({ added: "yes" }),
  call: async (ctx, chunk) => outcomes(await (ctx.client as TruGridClient).addUpnSuffix(chunk.map((s) => s.item.name))),
  irreversible: "TruGrid has no call that removes a UPN suffix.",
  audit: {
    targets: (i) => [{ type: "trugrid_upn_suffix", id: i.name }],
    before: (sent) => ({ alreadyAdded: sent.filter((s) => s.state?.alreadyAdded).map((s) => s.item.name) }),
    // The suffix history lists what was added from here (TruGrid cannot list them).
    after: (done) => {
      const items = namedOutcomes(done);
      return { statuses: statusesOf(items), added: items.filter((r) => r.ok).map((r) => r.item) };
    },
  },
  done: "UPN suffix added",
});
