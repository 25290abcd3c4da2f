import { z } from "zod";
import { OptionalText } from "../../bulk/cells";
import type { ColumnSpec } from "../../bulk/headers";
import { cachedGrantsOn } from "../../twingate/access-cache";
import { cachedObjectsNamed } from "../cached-names";
import type { CacheContext, Checked, CsvSpec } from "../operation";
import type { AccessState } from "./_resource";

// A sheet that gives or takes away access to resources, one grant per row: a
// resource, and a group or service account, named as the resources page
// shows them (any case), as of the last sync. A name two objects share is
// refused rather than guessed; a policy, for a group's grant, by name too.

const Cell = (what: string) => z.string().trim().min(1, `${what} is empty`).max(200);
const Optional = OptionalText(200);

export const AccessRow = z.object({
  resource: Cell("resource"),
  principal: Cell("principal"),
  policy: Optional,
  /** As Twingate takes it: an ISO time, from any date a sheet holds ("2027-03-31", "2027-03-31T17:00Z"). */
  expires: Optional.transform((v, c) => {
    if (!v) return undefined;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) {
      c.addIssue({ code: "custom", message: `expires: ${v} is not a date` });
      return z.NEVER;
    }
    return d.toISOString();
  }),
});
export type AccessRow = z.output<typeof AccessRow>;

const RESOURCE: ColumnSpec = { field: "resource", header: "resource", required: true, example: "Finance file share" };
const PRINCIPAL: ColumnSpec = {
  field: "principal",
  header: "principal",
  aliases: ["group", "service account", "serviceaccount"],
  required: true,
  example: "Finance",
  hint: "a group's or a service account's name",
};
export const REMOVE_COLUMNS = [RESOURCE, PRINCIPAL] as const;
export const ADD_COLUMNS = [
  RESOURCE,
  PRINCIPAL,
  {
    field: "policy",
    header: "policy",
    aliases: ["security policy", "securitypolicy"],
    required: false,
    example: "",
    hint: "a security policy's name, for a group; empty: the resource's own",
  },
  {
    field: "expires",
    header: "expires",
    aliases: ["expiry", "expires at", "expiresat"],
    required: false,
    example: "",
    hint: "a date, for a group's access that ends; empty: it does not",
  },
] as const;

/** What a row's plan keeps beside the resource's grants: whose access and under which policy. */
export type SheetAccessState = AccessState & {
  principal: { id: string; name: string | null; kind: "group" | "service_account" };
  policyId: string | null;
};

type Named = { vendorId: string; name: string | null };
const lower = (s: string | null | undefined) => (s ?? "").toLowerCase();

/** The one object of a name, or why not. */
function one<T extends Named>(all: T[], name: string, what: string): T | string {
  const found = all.filter((o) => lower(o.name) === lower(name));
  if (found.length === 0) return `Unknown ${what}: no ${what} is named ${name} in this tenant (as of the last sync).`;
  if (found.length > 1) return `Ambiguous ${what}: ${found.length} are named ${name}; use the resources page.`;
  return found[0] as T;
}

/**
 * Each row's resource, principal and policy, and the resource's grants; `plan` says whether the principal's grant
 * needs the change ("add": it has none yet; "remove": it has one).
 */
export function accessCheck(plan: "add" | "remove"): NonNullable<CsvSpec<object, AccessState, AccessRow>["check"]> {
  return async (ctx: CacheContext, rows: AccessRow[]): Promise<Checked<AccessState>[]> => {
    const find = async (kind: string, names: string[]) =>
      names.length ? await cachedObjectsNamed(ctx, "twingate", kind, names) : [];
    const resources = await ctx.db.vendorObject.findMany({
      where: {
        tenantId: ctx.tenantId,
        vendor: "twingate",
        kind: "resource",
        deletedAt: null,
        name: { in: [...new Set(rows.map((r) => r.resource))], mode: "insensitive" },
      },
      select: { vendorId: true, name: true, attributes: true },
    });
    const names = rows.map((r) => r.principal);
    const groups = await find("group", names);
    const accounts = await find("service_account", names);
    const policies = await find(
      "security_policy",
      rows.flatMap((r) => (r.policy ? [r.policy] : [])),
    );
    const grants = new Map<string, Awaited<ReturnType<typeof cachedGrantsOn>>>();
    const out: Checked<AccessState>[] = [];
    for (const r of rows) {
      const resource = one(resources, r.resource, "resource");
      const principal = one(
        [
          ...groups.map((g) => ({ ...g, kind: "group" as const })),
          ...accounts.map((a) => ({ ...a, kind: "service_account" as const })),
        ],
        r.principal,
        "group or service account",
      );
      const policy = r.policy ? one(policies, r.policy, "security policy") : null;
      const problem = [resource, principal, policy].find((x) => typeof x === "string");
      if (typeof problem === "string" || typeof resource === "string" || typeof principal === "string") {
        out.push({ refused: problem ?? "" });
        continue;
      }
      if (principal.kind === "service_account" && (r.policy || r.expires)) {
        out.push({ refused: "A service account's access takes neither a policy nor an expiry: leave them empty." });
        continue;
      }
      if (!grants.has(resource.vendorId))
        grants.set(resource.vendorId, await cachedGrantsOn(ctx.db, ctx.tenantId, resource.vendorId));
      const on = grants.get(resource.vendorId) ?? [];
      const has = on.some((g) => g.principal.id === principal.vendorId);
      const state: SheetAccessState = {
        resource,
        grants: on,
        principal: { id: principal.vendorId, name: principal.name, kind: principal.kind },
        policyId: policy && typeof policy !== "string" ? policy.vendorId : null,
      };
      out.push({ state, plan: has === (plan === "remove") ? "update" : "no_change" });
    }
    return out;
  };
}

/** Two rows for the same grant are duplicates within a file. */
export const accessKey = (r: AccessRow) => `${r.resource.toLowerCase()}\u0000${r.principal.toLowerCase()}`;

/** The principal a row's plan found. */
export const principalOf = (s: AccessState) => (s as SheetAccessState).principal;
/** The policy a row's plan found, if the row named one. */
export const policyOf = (s: AccessState) => (s as SheetAccessState).policyId ?? null;
