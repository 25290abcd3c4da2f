"use server";
import { z } from "zod";
import { action, ActionError } from "../actions/action";
import { db } from "../db";
import { UsersInput } from "./inputs";
import { summarise, userChangeAfter, type ItemOutcome } from "./item-outcome";
import { upnTargets } from "./targets";
import { recordDomainUdp, recordUserState, statesOf } from "./user-state";
import { trugridClient, vendorCall } from "./vendor";

function perUser(on: boolean) {
  return action(
    { name: on ? "trugrid.udp.enabled" : "trugrid.udp.disabled", perm: "trugrid.user.write", mode: "external", input: UsersInput,
      tenant: (i) => i.tenantId, describe: (i) => ({ vendor: "trugrid", targets: upnTargets(i.upns) }) },
    async ({ tenantId, upns }, ctx) => {
      const client = await trugridClient(tenantId);
      ctx.audit.before = await statesOf(db(), tenantId, upns);
      const items = await vendorCall(() => (on ? client.enableUdp(upns) : client.disableUdp(upns)));
      const outcomes: ItemOutcome[] = items.map((r, i) => ({ item: r.item ?? upns[i], status: r.status, ok: r.ok }));
      ctx.audit.after = userChangeAfter(outcomes);
      const out = summarise(outcomes, on ? "RDP over UDP turned on" : "RDP over UDP turned off");
      await recordUserState(db(), tenantId, out.succeeded, { udpOn: on }, ctx.staff);
      return out;
    },
  );
}

export const enableUdp = perUser(true);
export const disableUdp = perUser(false);

/**
 * Every user of the domain: an admin's change, confirmed by typing the
 * domain name, which is checked here too, not only in the dialog. Not
 * undoable: TruGrid cannot tell what each user had before, so no single call
 * puts the domain back as it was.
 */
export const setDomainUdp = action(
  { name: "trugrid.udp.set_for_domain", perm: "trugrid.domain.write", mode: "external",
    input: z.object({ tenantId: z.string().min(1), on: z.boolean(), confirm: z.string().trim() }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "trugrid", targets: [{ type: "trugrid_domain", id: i.tenantId }] }) },
  async ({ tenantId, on, confirm }, ctx) => {
    const client = await trugridClient(tenantId);
    if (confirm.toLowerCase() !== client.domainName.toLowerCase()) throw new ActionError(`Type the domain name (${client.domainName}) to confirm.`);
    ctx.audit.targets = [{ type: "trugrid_domain", id: client.domainName }];
    ctx.audit.before = { udp: "unknown per user" };
    const items = await vendorCall(() => (on ? client.enableUdp([]) : client.disableUdp([])));
    const refused = items.filter((r) => !r.ok);
    ctx.audit.after = { udp: on ? "on" : "off", items: items.length, refused: refused.map((r) => `${r.item ?? "?"}: ${r.status}`).slice(0, 50) };
    if (items.length > 0 && refused.length === items.length) throw new ActionError(`TruGrid refused: ${refused[0].status}`);
    await recordDomainUdp(db(), tenantId, on, ctx.staff);
    const statuses = [...new Set(items.map((r) => r.status))].slice(0, 3).join(" · ");
    return { message: `RDP over UDP turned ${on ? "on" : "off"} for every user of ${client.domainName}${items.length ? ` (${items.length} answered)` : ""}. TruGrid: ${statuses || "no items echoed"}${refused.length ? `; refused ${refused.length}` : ""}` };
  },
);
