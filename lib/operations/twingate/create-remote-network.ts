import { z } from "zod";
import { remoteNetworkTarget } from "../../sync/twingate/targets";
import { REMOTE_NETWORK_LOCATIONS } from "../../twingate/constants";
import type { RemoteNetwork } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { createdObject } from "../targets";
import { cacheAnswer, creating, fromAnswer, Name, NETWORK_OP, ref, sendOne } from "./_object";

type Item = { name: string; location: (typeof REMOTE_NETWORK_LOCATIONS)[number] };
const RN = "twingate_remote_network";

export default operation<Item, null, RemoteNetwork>({
  id: "twingate.remote_network.created",
  ...NETWORK_OP,
  label: "Create a remote network",
  help: "Creates a remote network (a site or cloud where connectors run) for resources to live in.",
  risk: "reversible",
  idempotent: false,
  input: z.object({ name: Name, location: z.enum(REMOTE_NETWORK_LOCATIONS).default("OTHER") }),
  before: creating,
  expect: (i) => i,
  call: sendOne((c, { item }) => c.remoteNetworkCreate(item)),
  cache: cacheAnswer(remoteNetworkTarget),
  // Undone by deleting it; Twingate refuses while resources were added to it since.
  inverse: {
    op: "twingate.remote_network.deleted",
    label: "Delete the network",
    items: createdObject(RN, "remoteNetworkId"),
  },
  audit: {
    // Named by the name typed until Twingate gives the network its id.
    // Named by its new id once Twingate answered.
    targets: (i, _s, made) => [made ? ref(RN, made.id, made.name) : ref(RN, i.name, i.name)],
    before: () => undefined,
    after: fromAnswer((rn) => ({ name: rn.name, location: rn.location })),
  },
  done: "Remote network created",
  result: fromAnswer((rn) => ({ id: rn.id, name: rn.name })),
});
