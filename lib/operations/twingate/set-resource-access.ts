import { z } from "zod";
import type { ResourceDetail } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { fromAnswer, Id, sendOne } from "./_object";
import {
  type AccessState,
  accessInput,
  cachedAccess,
  Grant,
  grantsSummary,
  RESOURCE_OP,
  resRef,
  UNDO_ACCESS_SET,
} from "./_resource";

type Item = { resourceId: string; grants: Grant[] };

/** The names of those who held access and are not in the new list. */
const removedBy = (item: Item, state: AccessState) => {
  const keep = new Set(item.grants.map((g) => g.principalId));
  return state.grants.filter((g) => !keep.has(g.principal.id)).map((g) => g.principal.name);
};

/** Replaces all access: whoever is not listed loses it (the page lists them before this runs). */
export default operation<Item, AccessState, ResourceDetail>({
  id: "twingate.resource.access_set",
  ...RESOURCE_OP,
  label: "Replace access to a resource",
  help: "Sets exactly who may reach a resource: every group or service account not listed loses access.",
  risk: "reversible",
  idempotent: true,
  input: z.object({ resourceId: Id, grants: z.array(Grant).max(200) }),
  before: cachedAccess,
  expect: (i) => ({ access: i.grants }),
  call: sendOne((c, { item }) => c.resourceAccessSet(item.resourceId, item.grants.map(accessInput))),
  inverse: UNDO_ACCESS_SET,
  audit: {
    targets: (i, s) => [resRef(i.resourceId, s?.resource.name)],
    before: ([s]) => s && { access: grantsSummary(s.state.grants) },
    after: fromAnswer((r, d) => ({
      access: grantsSummary(
        r.access.edges.map((e) => ({ principal: e.node, securityPolicy: e.securityPolicy, expiresAt: e.expiresAt })),
      ),
      removed: removedBy(d.item, d.state),
    })),
  },
  done: "Access replaced",
  result: fromAnswer((r, d) => ({ name: r.name, count: d.item.grants.length, removed: removedBy(d.item, d.state) })),
});
