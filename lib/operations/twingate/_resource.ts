import { z } from "zod";
import type { AccessGrant } from "../../sync/twingate/documents";
import { cachedGrantsOn, cacheResourceDetail } from "../../twingate/access-cache";
import { ProtocolFields, protocolsOf } from "../../twingate/protocols";
import type { UndoableEvent } from "../../undo/inverse";
import type { AccessInput } from "../../vendors/twingate/inputs";
import type { ResourceDetail } from "../../vendors/twingate/schemas";
import type { Before, CacheContext, Done } from "../operation";
import { targetIdOf } from "../targets";
import { type Cached, cachedObjects, Flag, Id, NETWORK_OP, ref } from "./_object";

// What the resource pages share: the form's fields of a resource, the grants
// of access to one (a group or service account, with a policy and expiry),
// and the resource as Twingate answered, with its access, written to the
// cache as the sync writes it.

export const RESOURCE_OP = { ...NETWORK_OP, cache: cacheDetail } as const;

/** A resource as the create and edit forms send it, its protocols as flat form values. */
export const ResourceFields = ProtocolFields.extend({
  name: z.string().trim().min(1, "Enter a name.").max(200),
  address: z.string().trim().min(1, "Enter an address (a DNS name, IP or CIDR).").max(300),
  alias: z.string().trim().max(300).default(""),
  remoteNetworkId: Id,
  isVisible: Flag,
  isBrowserShortcutEnabled: Flag,
  /** The resource's own security policy; empty leaves it as it is (on a new resource: Twingate's default). */
  securityPolicyId: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
});
export type ResourceFields = z.output<typeof ResourceFields>;

/** The form's fields as Twingate's create and update take them (ports checked by `portsRefusal` before). */
export const resourceInput = (f: ResourceFields) => ({
  name: f.name,
  address: f.address,
  remoteNetworkId: f.remoteNetworkId,
  isVisible: f.isVisible,
  isBrowserShortcutEnabled: f.isBrowserShortcutEnabled,
  protocols: protocolsOf(f),
  ...(f.securityPolicyId ? { securityPolicyId: f.securityPolicyId } : {}),
});

/** Why a form's port list cannot be sent ("http" is no port), before anything is. */
function portsRefusal(f: ResourceFields): string | null {
  try {
    protocolsOf(f);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** Refuses an item whose ports Twingate would not take, else what `before` said. */
export function checkingPorts<I extends ResourceFields, S>(
  before: (ctx: CacheContext, items: I[]) => Promise<Before<S, I>[]>,
) {
  return async (ctx: CacheContext, items: I[]): Promise<Before<S, I>[]> =>
    (await before(ctx, items)).map((b, i) => {
      const refused = "refused" in b || !items[i] ? null : portsRefusal(items[i]);
      return refused ? { refused } : b;
    });
}

export const resRef = (id: string, label?: string | null) => ref("twingate_resource", id, label);

/** The resource as Twingate answered, with its access, as the sync writes it. */
async function cacheDetail(ctx: CacheContext, done: Done<unknown, unknown, ResourceDetail>[]) {
  for (const d of done) if (d.outcome.answer) await cacheResourceDetail(ctx.db, ctx.tenantId, d.outcome.answer);
}

/** One principal's grant as the form sends it: empty policy or expiry means "none" (explicit null). */
export const Grant = z.object({
  principalId: Id,
  securityPolicyId: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || null),
  expiresAt: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v, c) => {
      if (!v) return null;
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) {
        c.addIssue({ code: "custom", message: "Expiry is not a date." });
        return z.NEVER;
      }
      return d.toISOString();
    }),
});
export type Grant = z.output<typeof Grant>;

/** Service accounts take neither a policy nor an expiry; leaving them out keeps Twingate from refusing a null. */
export function accessInput(g: Grant): AccessInput {
  return {
    principalId: g.principalId,
    ...(g.securityPolicyId ? { securityPolicyId: g.securityPolicyId } : {}),
    ...(g.expiresAt ? { expiresAt: g.expiresAt } : {}),
  };
}

type GrantLike = {
  principal: { id: string; name: string };
  securityPolicy: { id: string } | null;
  expiresAt: string | null;
};
/** Grants as the audit records them. */
export const grantsSummary = (gs: GrantLike[]) =>
  gs.map((g) => ({
    principalId: g.principal.id,
    name: g.principal.name,
    securityPolicyId: g.securityPolicy?.id ?? null,
    expiresAt: g.expiresAt,
  }));

/** What the cache knows of a resource whose access changes: the resource and the grants on it. */
export type AccessState = { resource: Cached; grants: AccessGrant[] };
export type AccessItem = { resourceId: string };

const cachedResources = cachedObjects<AccessItem>("resource", "Twingate resource", (i) => i.resourceId);

/** The cached resource each item names, and its grants, else the refusal the page has always given. */
export async function cachedAccess<I extends AccessItem>(
  ctx: CacheContext,
  items: I[],
): Promise<Before<AccessState, I>[]> {
  const befores = await cachedResources(ctx, items);
  return Promise.all(
    befores.map(async (b, i) => {
      if ("refused" in b) return b;
      const grants = await cachedGrantsOn(ctx.db, ctx.tenantId, items[i]?.resourceId ?? "");
      return { state: { resource: b.state, grants } };
    }),
  );
}

/** The grants an access event recorded before (`access`), as the add and set forms send them (absent: none). */
function grantsBefore(e: UndoableEvent): z.input<typeof Grant>[] {
  const access = (e.before as { access?: unknown } | null)?.access;
  if (!Array.isArray(access)) return [];
  return access.flatMap((g: { principalId?: unknown; securityPolicyId?: unknown; expiresAt?: unknown }) =>
    typeof g.principalId === "string"
      ? [
          {
            principalId: g.principalId,
            ...(typeof g.securityPolicyId === "string" ? { securityPolicyId: g.securityPolicyId } : {}),
            ...(typeof g.expiresAt === "string" ? { expiresAt: g.expiresAt } : {}),
          },
        ]
      : [],
  );
}

/** Access given is undone by taking it away from those who had none before (a grant that was there stays). */
export const UNDO_ACCESS_ADDED = {
  op: "twingate.resource.access_removed",
  label: "Take it away again",
  items: (e: UndoableEvent) => {
    const resourceId = targetIdOf(e.targets, "twingate_resource");
    const had = new Set(grantsBefore(e).map((g) => g.principalId));
    const added = ((e.after as { added?: { principalId?: unknown }[] } | null)?.added ?? []).flatMap((g) =>
      typeof g.principalId === "string" && !had.has(g.principalId) ? [g.principalId] : [],
    );
    return resourceId && added.length ? [{ resourceId, principalIds: added }] : null;
  },
} as const;

/** Access taken away is given back as it was: each principal with the policy and expiry it had. */
export const UNDO_ACCESS_REMOVED = {
  op: "twingate.resource.access_added",
  label: "Give it back",
  items: (e: UndoableEvent) => {
    const resourceId = targetIdOf(e.targets, "twingate_resource");
    const grants = grantsBefore(e);
    return resourceId && grants.length ? [{ resourceId, grants }] : null;
  },
} as const;

/** Access replaced is set back to the grants the resource had. */
export const UNDO_ACCESS_SET = {
  op: "twingate.resource.access_set",
  label: "Set the former access back",
  items: (e: UndoableEvent) => {
    const resourceId = targetIdOf(e.targets, "twingate_resource");
    return resourceId ? [{ resourceId, grants: grantsBefore(e) }] : null;
  },
} as const;
