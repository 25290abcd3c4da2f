"use server";
import { z } from "zod";
import { action } from "../actions/action";
import { db } from "../db";
import { allowedIpTarget, externalDnsTarget } from "../sync/trugrid/targets";
import type { UserLogonIp } from "../vendors/trugrid";
import { replaceValues, upsertLogonIps } from "./cache";
import { upnTargets } from "./targets";
import { Upn } from "../people/upn";
import { trugridClient, vendorCall } from "./vendor";

// Reads at TruGrid that change nothing there; their answers refresh the
// cache at once. Operators (trugrid.read): they use the stored credentials.

/** Last logon IPs of some users, or of the whole domain when no UPN is given. */
export const lookUpLogonIps = action(
  { name: "trugrid.logon_ip.looked_up", perm: "trugrid.read", mode: "external",
    input: z.object({ tenantId: z.string().min(1), upns: z.array(Upn).max(1000).transform((l) => [...new Set(l)]) }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "trugrid", targets: i.upns.length ? upnTargets(i.upns) : [{ type: "trugrid_domain", id: i.tenantId }] }) },
  async ({ tenantId, upns }, ctx): Promise<{ users: UserLogonIp[]; message: string }> => {
    const client = await trugridClient(tenantId);
    const users = await vendorCall(() => client.getUserLogonIp(upns));
    await upsertLogonIps(db(), tenantId, users);
    ctx.audit.after = { users: users.length };
    return { users, message: `TruGrid returned the last logon IPs of ${users.length} user${users.length === 1 ? "" : "s"}${upns.length ? "" : ` of ${client.domainName}`}.` };
  },
);

/** Re-reads the IP allow-list and the external DNS names into the cache. */
export const refreshAllowLists = action(
  { name: "trugrid.allow_list.read", perm: "trugrid.read", mode: "external", input: z.object({ tenantId: z.string().min(1) }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "trugrid", targets: [{ type: "trugrid_domain", id: i.tenantId }] }) },
  async ({ tenantId }, ctx) => {
    const client = await trugridClient(tenantId);
    const [ips, dns] = await vendorCall(() => Promise.all([client.ipWhitelist(), client.externalResources()]));
    await replaceValues(db(), tenantId, allowedIpTarget, ips);
    await replaceValues(db(), tenantId, externalDnsTarget, dns);
    ctx.audit.after = { allowedIps: ips.length, externalDns: dns.length };
    return { message: `TruGrid lists ${ips.length} allowed IP${ips.length === 1 ? "" : "s"} and ${dns.length} external DNS name${dns.length === 1 ? "" : "s"}.` };
  },
);
