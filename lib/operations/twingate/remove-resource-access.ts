import { z } from "zod";
import type { ResourceDetail } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { AccessRow, accessCheck, accessKey, principalOf, REMOVE_COLUMNS } from "./_access-sheet";
import { fromAnswer, Id, ref, sendOne } from "./_object";
import { type AccessState, cachedAccess, grantsSummary, RESOURCE_OP, resRef, UNDO_ACCESS_REMOVED } from "./_resource";

type Item = { resourceId: string; principalIds: string[] };

export default operation<Item, AccessState, ResourceDetail>({
  id: "twingate.resource.access_removed",
  ...RESOURCE_OP,
  label: "Take access to a resource away",
  help: "Stops groups or service accounts from reaching a resource.",
  risk: "reversible",
  idempotent: true,
  input: z.object({ resourceId: Id, principalIds: z.array(Id).min(1).max(200) }),
  before: cachedAccess,
  expect: (i) => ({ removed: i.principalIds }),
  call: sendOne((c, { item }) => c.resourceAccessRemove(item.resourceId, item.principalIds)),
  inverse: UNDO_ACCESS_REMOVED,
  audit: {
    targets: (i, s) => [
      resRef(i.resourceId, s?.resource.name),
      ...(s ? i.principalIds.map((id) => ref("twingate_principal", id)) : []),
    ],
    before: ([s]) =>
      s && { access: grantsSummary(s.state.grants.filter((g) => s.item.principalIds.includes(g.principal.id))) },
    after: ([d]) => d && { removed: d.item.principalIds },
  },
  // One grant per row: a resource and a group or service account, by name.
  csv: {
    row: AccessRow,
    columns: REMOVE_COLUMNS,
    key: accessKey,
    check: accessCheck("remove"),
    toItem: (_r: AccessRow, s: AccessState) => ({ resourceId: s.resource.vendorId, principalIds: [principalOf(s).id] }),
  },
  done: "Access taken away",
  result: fromAnswer((r, { item }) => ({ name: r.name, removed: item.principalIds.length })),
});
