import { z } from "zod";
import { connectorTarget } from "../../sync/twingate/targets";
import type { Connector } from "../../vendors/twingate/schemas";
import { operation } from "../operation";
import { formerValues } from "../targets";
import {
  attributesOf,
  type Cached,
  cacheAnswer,
  cachedObjects,
  Flag,
  fromAnswer,
  Id,
  Name,
  NETWORK_OP,
  ref,
  sendOne,
} from "./_object";

type Item = { connectorId: string; name: string; hasStatusNotificationsEnabled: boolean };

export default operation<Item, Cached, Connector>({
  id: "twingate.connector.updated",
  ...NETWORK_OP,
  label: "Edit a connector",
  help: "Renames a connector and turns the emails admins get when its status changes on or off.",
  risk: "reversible",
  idempotent: true,
  input: z.object({ connectorId: Id, name: Name, hasStatusNotificationsEnabled: Flag }),
  before: cachedObjects("connector", "connector", (i: Item) => i.connectorId),
  expect: (i) => ({ name: i.name, hasStatusNotificationsEnabled: i.hasStatusNotificationsEnabled }),
  call: sendOne((c, { item }) =>
    c.connectorUpdate({
      id: item.connectorId,
      name: item.name,
      hasStatusNotificationsEnabled: item.hasStatusNotificationsEnabled,
    }),
  ),
  cache: cacheAnswer(connectorTarget),
  inverse: {
    op: "twingate.connector.updated",
    label: "Set it back",
    items: formerValues("twingate_connector", "connectorId", (b) =>
      typeof b.name === "string"
        ? { name: b.name, hasStatusNotificationsEnabled: b.hasStatusNotificationsEnabled === true }
        : null,
    ),
  },
  audit: {
    targets: (i, s) => [ref("twingate_connector", i.connectorId, s?.name)],
    before: ([s]) =>
      s && {
        name: s.state.name,
        hasStatusNotificationsEnabled: attributesOf(s.state).hasStatusNotificationsEnabled ?? null,
      },
    after: fromAnswer((c) => ({ name: c.name, hasStatusNotificationsEnabled: c.hasStatusNotificationsEnabled })),
  },
  done: "Connector saved",
  result: fromAnswer((c) => ({ name: c.name, notifications: c.hasStatusNotificationsEnabled })),
});
