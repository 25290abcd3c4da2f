import { z } from "zod";
import type { ResourceDetail } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { AccessRow, ADD_COLUMNS, accessCheck, accessKey, policyOf, principalOf } from "./_access-sheet";
import { fromAnswer, Id, ref, sendOne } from "./_object";
import {
  type AccessState,
  accessInput,
  cachedAccess,
  Grant,
  grantsSummary,
  RESOURCE_OP,
  resRef,
  UNDO_ACCESS_ADDED,
} from "./_resource";

type Item = { resourceId: string; grants: Grant[] };

export default operation<Item, AccessState, ResourceDetail>({
  id: "twingate.resource.access_added",
  ...RESOURCE_OP,
  label: "Give access to a resource",
  help: "Lets groups or service accounts reach a resource, a group with a security policy and an expiry if given.",
  risk: "reversible",
  idempotent: true,
  input: z.object({ resourceId: Id, grants: z.array(Grant).min(1, "Choose a group or service account.").max(200) }),
  before: cachedAccess,
  expect: (i) => ({ added: i.grants }),
  call: sendOne((c, { item }) => c.resourceAccessAdd(item.resourceId, item.grants.map(accessInput))),
  inverse: UNDO_ACCESS_ADDED,
  audit: {
    // Before the cache is read (a refusal), the resource alone, as the page always named it.
    targets: (i, s) => [
      resRef(i.resourceId, s?.resource.name),
      ...(s ? i.grants.map((g) => ref("twingate_principal", g.principalId)) : []),
    ],
    before: ([s]) => s && { access: grantsSummary(s.state.grants) },
    after: ([d]) => d && { added: d.item.grants },
  },
  // One grant per row: a resource and a group or service account by name, a group's policy and expiry if given.
  csv: {
    row: AccessRow,
    columns: ADD_COLUMNS,
    key: accessKey,
    check: accessCheck("add"),
    toItem: (r: AccessRow, s: AccessState) => ({
      resourceId: s.resource.vendorId,
      grants: [{ principalId: principalOf(s).id, securityPolicyId: policyOf(s), expiresAt: r.expires ?? null }],
    }),
  },
  done: "Access given",
  result: fromAnswer((r, { item }) => ({ name: r.name, added: item.grants.length })),
});
