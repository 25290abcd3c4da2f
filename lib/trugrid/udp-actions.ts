"use server";
import { z } from "zod";
import { action, ActionError } from "../actions/action";
import { db } from "../db";
import { actionOf } from "../operations/derive/action";
import disableUdpOp from "../operations/trugrid/disable-udp";
import enableUdpOp from "../operations/trugrid/enable-udp";
import { recordDomainUdp } from "./user-state";
import { trugridClient, vendorCall } from "./vendor";

type Users = { tenantId: string; upns: string[]; undoOf?: string };

export const enableUdp = actionOf<Users>(enableUdpOp);
export const disableUdp = actionOf<Users>(disableUdpOp);

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
