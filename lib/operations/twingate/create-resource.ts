import type { ResourceDetail } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { createdObject } from "../targets";
import { creating, fromAnswer, sendOne } from "./_object";
import { checkingPorts, RESOURCE_OP, ResourceFields, resourceInput, resRef } from "./_resource";

export default operation<ResourceFields, null, ResourceDetail>({
  id: "twingate.resource.created",
  ...RESOURCE_OP,
  label: "Create a resource",
  help: "Creates a resource (an address, with the ports and protocols allowed) in a remote network.",
  risk: "reversible",
  idempotent: false,
  input: ResourceFields,
  before: checkingPorts(creating),
  expect: (i) => i,
  call: sendOne((c, { item }) => c.resourceCreate({ ...resourceInput(item), alias: item.alias || undefined })),
  inverse: {
    op: "twingate.resource.deleted",
    label: "Delete the resource",
    items: createdObject("twingate_resource", "resourceId"),
  },
  audit: {
    // Named by the name typed until Twingate gives the resource its id.
    // Named by its new id once Twingate answered.
    targets: (i, _s, made) => [made ? resRef(made.id, made.name) : resRef(i.name, i.name)],
    before: () => undefined,
    after: fromAnswer((r) => ({
      name: r.name,
      address: r.address.value,
      alias: r.alias,
      remoteNetworkId: r.remoteNetwork.id,
    })),
  },
  done: "Resource created",
  result: fromAnswer((r) => ({ id: r.id, name: r.name })),
});
