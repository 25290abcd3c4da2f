import { z } from "zod";
import type { AuditTarget } from "../../audit/event";
import type { AuditAction } from "../../audit/event-types";
import type { ItemOutcome } from "../../trugrid/item-outcome";
import type { TruGridClient } from "../../vendors/trugrid";
import type { ItemResult } from "../../vendors/trugrid/item-results";
import type { CacheContext, OperationDef } from "../operation";

// What TruGrid's domain-wide operations share: one item is the whole
// request (the domain, or the groups chosen in it), and the domain's name,
// which an admin types to confirm a change to all of it, is the one the
// tenant's connection acts on (every TruGrid call sends it as domainName).

/** The domain the tenant's TruGrid connection names; "" when none is saved (the client then refuses first). */
export async function domainOf(ctx: CacheContext): Promise<string> {
  const row = await ctx.db.vendorConnection.findUnique({
    where: { tenantId_vendor: { tenantId: ctx.tenantId, vendor: "trugrid" } },
    select: { settings: true },
  });
  return String((row?.settings as { domainName?: string | null } | null)?.domainName ?? "");
}

/** What every domain-wide change declares: admins only (trugrid.domain.write), and nothing puts it back. */
export const domainChange = (o: { id: AuditAction; label: string; help: string }) => ({
  id: o.id,
  vendor: "trugrid" as const,
  label: o.label,
  help: o.help,
  perm: "trugrid.domain.write" as const,
  risk: "irreversible" as const,
});

/** Named by the domain once it is known, by the tenant before (a refused call names the tenant). */
export const domainTarget = (domain: string | undefined, tenantId?: string): AuditTarget => ({
  type: "trugrid_domain",
  id: domain || tenantId || "?",
});

/** A change to the whole domain goes ahead only with its name typed, in any case. */
export const confirmed = (typed: string | undefined, domain: string) =>
  typed?.trim().toLowerCase() === domain.toLowerCase();

/** The groups a clear names, or the domain when none is given. */
export type Clear = { groups: string[]; confirm?: string };

/**
 * TruGrid's status per group of a clear, named as sent or, for the whole
 * domain, as TruGrid echoes them.
 */
export const perGroup = (groups: string[], results: ItemResult<string | undefined>[]): ItemOutcome[] =>
  results.map((r, i) => ({ item: r.item ?? groups[i] ?? "(domain)", status: r.status, ok: r.ok }));

/**
 * A refresh TruGrid runs on its side (Active Directory, applications): the
 * item is the domain itself, and TruGrid only says it accepted it.
 */
export function domainRefresh(o: {
  id: AuditAction;
  label: string;
  help: string;
  send: (c: TruGridClient) => Promise<void>;
  accepted: (domain: string) => string;
}): OperationDef<Record<string, never>, { domain: string }> {
  return {
    ...domainChange(o),
    idempotent: true,
    input: z.object({}),
    chunk: 1,
    before: async (ctx, items) => {
      const domain = await domainOf(ctx);
      return items.map(() => ({ state: { domain } }));
    },
    expect: () => ({ refresh: "requested" }),
    call: async (ctx) => {
      await o.send(ctx.client as TruGridClient);
      return [{ ok: true, message: "Accepted." }];
    },
    irreversible: "TruGrid reads its source again; there is no earlier copy to put back.",
    audit: {
      targets: (_i, state, _answer, tenantId) => [domainTarget(state?.domain, tenantId)],
      before: () => undefined,
      after: () => undefined,
    },
    done: o.label,
    result: ([d]) => ({ message: o.accepted(d?.state.domain ?? "") }),
  };
}
