import { z } from "zod";
import { ActionError } from "../actions/result";
import type { ActionContext, ActionDef } from "../actions/run-action";
import type { Db } from "../db/client";
import { linkPeople, viaPrisma } from "../sync/link-people";

const Domain = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "Not a domain name");

export interface DomainAlias {
  domain: string;
  canonical: string;
}

/** One alias a line, `alias.domain = main.domain` (or `->`, `→`); blank lines and # comments are skipped. */
export function parseAliasLines(text: string): { domain: string; canonical: string }[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, "").trim())
    .filter(Boolean)
    .map((l) => {
      const [domain = "", canonical = "", ...rest] = l.split(/\s*(?:=|->|→|,)\s*/);
      return {
        domain: domain.toLowerCase().replace(/^@/, ""),
        canonical: rest.length ? "" : canonical.toLowerCase().replace(/^@/, ""),
      };
    });
}

export const formatAliasLines = (aliases: DomainAlias[]) =>
  aliases.map((a) => `${a.domain} = ${a.canonical}`).join("\n");

const Aliases = z
  .array(z.object({ domain: Domain, canonical: Domain }))
  .max(200, "At most 200 aliases.")
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    for (const a of list) {
      if (a.domain === a.canonical)
        ctx.addIssue({ code: "custom", message: `${a.domain} cannot be an alias of itself.` });
      if (seen.has(a.domain)) ctx.addIssue({ code: "custom", message: `${a.domain} is listed twice.` });
      seen.add(a.domain);
    }
    // One step only: a chain (a = b, b = c) would not link a to c, so it is refused rather than half-applied.
    for (const a of list)
      if (seen.has(a.canonical))
        ctx.addIssue({
          code: "custom",
          message: `${a.canonical} is itself an alias; point ${a.domain} at its main domain.`,
        });
  });

export const SaveDomainAliasesInput = z.object({
  tenantId: z.string().min(1),
  aliases: z
    .union([
      z.string().max(20000).transform(parseAliasLines),
      z.array(z.object({ domain: z.string(), canonical: z.string() })),
    ])
    .transform((l) =>
      l.map((a) => ({ domain: a.domain.trim().toLowerCase(), canonical: a.canonical.trim().toLowerCase() })),
    )
    .pipe(Aliases),
});

export async function loadDomainAliases(db: Pick<Db, "tenantDomainAlias">, tenantId: string): Promise<DomainAlias[]> {
  return db.tenantDomainAlias.findMany({
    where: { tenantId },
    orderBy: { domain: "asc" },
    select: { domain: true, canonical: true },
  });
}

export const saveDomainAliasesDef: ActionDef<typeof SaveDomainAliasesInput> = {
  name: "tenant.domain_aliases_saved",
  perm: "tenant.settings",
  input: SaveDomainAliasesInput,
  tenant: (i) => i.tenantId,
  describe: (i) => ({ targets: [{ type: "tenant", id: i.tenantId }] }),
};

/**
 * Replaces the tenant's alias list, then re-links its people at once so the
 * people list reflects the change without waiting for the next sync.
 */
export async function saveDomainAliasesBody(
  { tenantId, aliases }: z.output<typeof SaveDomainAliasesInput>,
  ctx: ActionContext,
) {
  const before = await loadDomainAliases(ctx.db, tenantId);
  const sorted = [...aliases].sort((a, b) => a.domain.localeCompare(b.domain));
  if (JSON.stringify(before) === JSON.stringify(sorted)) throw new ActionError("Nothing changed.");
  // The body runs in the audit event's transaction: the list, the re-link and the event commit together.
  await ctx.db.tenantDomainAlias.deleteMany({ where: { tenantId } });
  await ctx.db.tenantDomainAlias.createMany({ data: sorted.map((a) => ({ tenantId, ...a })) });
  const changed = await linkPeople(viaPrisma(ctx.db), tenantId);
  const tenant = await ctx.db.tenant.findUnique({ where: { id: tenantId }, select: { name: true } });
  ctx.audit.targets = [{ type: "tenant", id: tenantId, label: tenant?.name }];
  ctx.audit.before = { aliases: before };
  ctx.audit.after = { aliases: sorted };
  return { aliases: sorted.length, relinked: changed };
}
