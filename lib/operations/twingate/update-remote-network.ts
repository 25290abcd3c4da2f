import { z } from "zod";
import { remoteNetworkTarget } from "../../sync/twingate/targets";
import { REMOTE_NETWORK_LOCATIONS } from "../../twingate/constants";
import type { RemoteNetwork } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { formerValues } from "../targets";
import {
  attributesOf,
  type Cached,
  cacheAnswer,
  cachedObjects,
  fromAnswer,
  Id,
  Name,
  NETWORK_OP,
  ref,
  sendOne,
} from "./_object";

type Item = { remoteNetworkId: string; name: string; location: (typeof REMOTE_NETWORK_LOCATIONS)[number] };

export default operation<Item, Cached, RemoteNetwork>({
  id: "twingate.remote_network.updated",
  ...NETWORK_OP,
  label: "Edit a remote network",
  help: "Renames a remote network or changes its location.",
  risk: "reversible",
  idempotent: true,
  input: z.object({ remoteNetworkId: Id, name: Name, location: z.enum(REMOTE_NETWORK_LOCATIONS) }),
  before: cachedObjects("remote_network", "remote network", (i: Item) => i.remoteNetworkId),
  expect: (i) => ({ name: i.name, location: i.location }),
  call: sendOne((c, { item }) =>
    c.remoteNetworkUpdate({ id: item.remoteNetworkId, name: item.name, location: item.location }),
  ),
  cache: cacheAnswer(remoteNetworkTarget),
  inverse: {
    op: "twingate.remote_network.updated",
    label: "Set it back",
    items: formerValues("twingate_remote_network", "remoteNetworkId", (b) =>
      typeof b.name === "string"
        ? { name: b.name, ...(typeof b.location === "string" ? { location: b.location } : {}) }
        : null,
    ),
  },
  audit: {
    targets: (i, s) => [ref("twingate_remote_network", i.remoteNetworkId, s?.name)],
    before: ([s]) => s && { name: s.state.name, location: attributesOf(s.state).location ?? null },
    after: fromAnswer((rn) => ({ name: rn.name, location: rn.location })),
  },
  done: "Remote network saved",
  result: fromAnswer((rn) => ({ name: rn.name })),
});
