import { z } from "zod";
import { resourceTarget } from "../../sync/twingate/targets";
import { cacheDeleteGrants, cachedGrantsOn } from "../../twingate/access-cache";
import { cacheDelete } from "../../twingate/cache";
import { operation } from "../operation";
import { attributesOf, type Cached, cachedObjects, Id, NETWORK_OP, sendOne } from "./_object";
import { resRef } from "./_resource";

type Item = { resourceId: string };
/** The resource as the cache knows it, and who could reach it: gone with it. */
type State = Cached & { access: { principalId: string; securityPolicyId: string | null }[] };

const cached = cachedObjects<Item>("resource", "Twingate resource", (i) => i.resourceId);

export default operation<Item, State>({
  id: "twingate.resource.deleted",
  ...NETWORK_OP,
  label: "Delete a resource",
  help: "Deletes a resource: every group and service account that could reach it loses that access.",
  risk: "destructive",
  // A second delete finds no resource.
  idempotent: false,
  input: z.object({ resourceId: Id }),
  before: async (ctx, items) => {
    const known = await cached(ctx, items);
    return Promise.all(
      known.map(async (k, i) => {
        if ("refused" in k) return k;
        const grants = await cachedGrantsOn(ctx.db, ctx.tenantId, items[i]!.resourceId);
        const access = grants.map((g) => ({
          principalId: g.principal.id,
          securityPolicyId: g.securityPolicy?.id ?? null,
        }));
        return { ...k, state: { ...k.state, access } };
      }),
    );
  },
  expect: () => null,
  call: sendOne((c, { item }) => c.resourceDelete(item.resourceId)),
  // The resource and its grants, as the next sync would find them.
  cache: async ({ db, tenantId }, done) => {
    for (const { item } of done) {
      await cacheDelete(db, tenantId, resourceTarget as never, [item.resourceId]);
      await cacheDeleteGrants(db, tenantId, { resourceId: item.resourceId });
    }
  },
  irreversible: "Twingate keeps no deleted resource: its settings and who could reach it are in the event's before.",
  audit: {
    targets: (i, s) => [resRef(i.resourceId, s?.name)],
    before: ([s]) => s && { name: s.state.name, ...attributesOf(s.state), access: s.state.access },
    after: () => undefined,
  },
  done: "Resource deleted",
  result: ([d]) => d && { name: d.state.name },
});
