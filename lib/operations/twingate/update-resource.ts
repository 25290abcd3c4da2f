import type { ResourceDetail } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { attributesOf, type Cached, cachedObjects, fromAnswer, Id, sendOne } from "./_object";
import { checkingPorts, RESOURCE_OP, ResourceFields, resourceInput, resRef } from "./_resource";

type Item = ResourceFields & { resourceId: string };

export default operation<Item, Cached, ResourceDetail>({
  id: "twingate.resource.updated",
  ...RESOURCE_OP,
  label: "Edit a resource",
  help: "Changes a resource's name, address, alias, visibility, remote network, security policy and allowed ports.",
  risk: "irreversible",
  idempotent: true,
  input: ResourceFields.extend({ resourceId: Id }),
  before: checkingPorts(cachedObjects<Item>("resource", "Twingate resource", (i) => i.resourceId)),
  expect: (i) => i,
  call: sendOne((c, { item }) =>
    c.resourceUpdate({ ...resourceInput(item), id: item.resourceId, alias: item.alias || null }),
  ),
  irreversible: "No undo: an admin edits the resource back on its page.",
  audit: {
    targets: (i, s) => [resRef(i.resourceId, s?.name)],
    before: ([s]) => s && { name: s.state.name, ...attributesOf(s.state) },
    after: fromAnswer((r) => ({
      name: r.name,
      address: r.address.value,
      alias: r.alias,
      isVisible: r.isVisible,
      isBrowserShortcutEnabled: r.isBrowserShortcutEnabled,
      remoteNetworkId: r.remoteNetwork.id,
      securityPolicyId: r.securityPolicy?.id ?? null,
      protocols: r.protocols,
    })),
  },
  done: "Resource saved",
  result: fromAnswer((r) => ({ name: r.name })),
});
