import { formatPorts } from "../../twingate/protocols";
import type { ResourceDetail } from "../../vendors/twingate/schemas";
import { type Before, type CacheContext, operation } from "../operation";
import { formerValues } from "../targets";
import { attributesOf, type Cached, cachedObjects, fromAnswer, Id, sendOne } from "./_object";
import { checkingPorts, RESOURCE_OP, ResourceFields, resourceInput, resRef } from "./_resource";

type Item = ResourceFields & { resourceId: string };
type Protocol = { policy: "ALLOW_ALL" | "RESTRICTED"; ports: { start: number; end: number }[] };
type Protocols = { allowIcmp: boolean; tcp: Protocol; udp: Protocol };
/** The cached resource, and its ports as the last sync read them (the undo sends them back). */
type State = Cached & { protocols: Protocols | null };

const cachedResources = cachedObjects<Item>("resource", "Twingate resource", (i) => i.resourceId);

async function withProtocols(ctx: CacheContext, items: Item[]): Promise<Before<State, Item>[]> {
  const befores = await cachedResources(ctx, items);
  const rows = await ctx.db.vendorObject.findMany({
    where: {
      tenantId: ctx.tenantId,
      vendor: "twingate",
      kind: "resource",
      vendorId: { in: items.map((i) => i.resourceId) },
    },
    select: { vendorId: true, raw: true },
  });
  const raw = new Map(rows.map((r) => [r.vendorId, (r.raw as { protocols?: Protocols } | null)?.protocols ?? null]));
  return befores.map((b) =>
    "refused" in b ? b : { state: { ...b.state, protocols: raw.get(b.state.vendorId) ?? null } },
  );
}

/** The form's values a resource had, from what its event recorded before; null when the event cannot say them all. */
function formerForm(b: Record<string, unknown>): Record<string, unknown> | null {
  const p = b.protocols as Protocols | null | undefined;
  if (typeof b.name !== "string" || typeof b.address !== "string" || typeof b.remoteNetworkId !== "string" || !p)
    return null;
  return {
    name: b.name,
    address: b.address,
    alias: typeof b.alias === "string" ? b.alias : "",
    remoteNetworkId: b.remoteNetworkId,
    isVisible: b.isVisible === true,
    isBrowserShortcutEnabled: b.isBrowserShortcutEnabled === true,
    ...(typeof b.securityPolicyId === "string" ? { securityPolicyId: b.securityPolicyId } : {}),
    allowIcmp: p.allowIcmp,
    tcpPolicy: p.tcp.policy,
    tcpPorts: formatPorts(p.tcp.ports),
    udpPolicy: p.udp.policy,
    udpPorts: formatPorts(p.udp.ports),
  };
}

export default operation<Item, State, ResourceDetail>({
  id: "twingate.resource.updated",
  ...RESOURCE_OP,
  label: "Edit a resource",
  help: "Changes a resource's name, address, alias, visibility, remote network, security policy and allowed ports.",
  risk: "reversible",
  idempotent: true,
  input: ResourceFields.extend({ resourceId: Id }),
  before: checkingPorts(withProtocols),
  expect: (i) => i,
  call: sendOne((c, { item }) =>
    c.resourceUpdate({ ...resourceInput(item), id: item.resourceId, alias: item.alias || null }),
  ),
  // Undone by saving the values it had, ports included (a resource policy Twingate set stays: none can be unset).
  inverse: {
    op: "twingate.resource.updated",
    label: "Put the former settings back",
    items: formerValues("twingate_resource", "resourceId", formerForm),
  },
  audit: {
    targets: (i, s) => [resRef(i.resourceId, s?.name)],
    before: ([s]) => s && { name: s.state.name, ...attributesOf(s.state), protocols: s.state.protocols },
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
