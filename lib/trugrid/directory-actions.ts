"use server";
import { z } from "zod";
import { action, ActionError } from "../actions/action";
import { db } from "../db";
import { actionOf } from "../operations/derive/action";
import addAssignmentsOp from "../operations/trugrid/add-assignments";
import { Upn } from "../people/upn";
import { upsertLogonIps } from "./cache";
import { NameList } from "./inputs";
import { statusesOf, summarise, type ItemOutcome } from "./item-outcome";
import { trugridUserTarget } from "./targets";
import { trugridClient, vendorCall } from "./vendor";

// Active Directory and domain-wide settings: they reach the whole domain or
// its configuration, so only admins may run them (trugrid.domain.write).

const KINDS = {
  users: { name: "trugrid.ad.users_synced", label: "Users synced from AD" },
  machines: { name: "trugrid.ad.machines_synced", label: "Machines synced from AD" },
  user_groups: { name: "trugrid.ad.user_groups_synced", label: "User groups synced from AD" },
  machine_groups: { name: "trugrid.ad.machine_groups_synced", label: "Machine groups synced from AD" },
} as const;
type Kind = keyof typeof KINDS;

function syncAdded(kind: Kind) {
  return action(
    { name: KINDS[kind].name, perm: "trugrid.domain.write", mode: "external",
      input: z.object({ tenantId: z.string().min(1), names: kind === "users" ? z.array(Upn).min(1, "Enter at least one UPN.").max(500) : NameList }),
      tenant: (i) => i.tenantId,
      describe: (i) => ({ vendor: "trugrid", targets: i.names.slice(0, 100).map((n) => (kind === "users" ? trugridUserTarget(n) : { type: `trugrid_${kind.replace(/s$/, "")}`, id: n })) }) },
    async ({ tenantId, names }, ctx) => {
      const client = await trugridClient(tenantId);
      const call = { users: () => client.syncAddedAdUsers(names), machines: () => client.syncAddedAdMachines(names),
        user_groups: () => client.syncAddedAdUserGroups(names), machine_groups: () => client.syncAddedAdMachineGroups(names) }[kind];
      const items: ItemOutcome[] = await vendorCall(call);
      ctx.audit.after = { statuses: statusesOf(items) };
      const out = summarise(items, KINDS[kind].label);
      if (kind === "users") {
        // Newly synced users become visible in the users table at once: their logon IPs are the only user read TruGrid has.
        try {
          await upsertLogonIps(db(), tenantId, await client.getUserLogonIp(out.succeeded));
        } catch {
          return { ...out, message: `${out.message} (they appear in the users table after the next TruGrid sync)` };
        }
      }
      return out;
    },
  );
}

export const syncAddedAdUsers = syncAdded("users");
export const syncAddedAdMachines = syncAdded("machines");
export const syncAddedAdUserGroups = syncAdded("user_groups");
export const syncAddedAdMachineGroups = syncAdded("machine_groups");

const TenantOnly = z.object({ tenantId: z.string().min(1) });
const domainTarget = (tenantId: string) => ({ vendor: "trugrid" as const, targets: [{ type: "trugrid_domain", id: tenantId }] });

export const refreshActiveDirectory = action(
  { name: "trugrid.ad.refreshed", perm: "trugrid.domain.write", mode: "external", input: TenantOnly, tenant: (i) => i.tenantId, describe: (i) => domainTarget(i.tenantId) },
  async ({ tenantId }, ctx) => {
    const client = await trugridClient(tenantId);
    ctx.audit.targets = [{ type: "trugrid_domain", id: client.domainName }];
    await vendorCall(() => client.refreshActiveDirectory());
    return { message: `TruGrid accepted an Active Directory refresh of ${client.domainName}. New users appear here after the next TruGrid sync.` };
  },
);

export const refreshApplications = action(
  { name: "trugrid.applications.refreshed", perm: "trugrid.domain.write", mode: "external", input: TenantOnly, tenant: (i) => i.tenantId, describe: (i) => domainTarget(i.tenantId) },
  async ({ tenantId }, ctx) => {
    const client = await trugridClient(tenantId);
    ctx.audit.targets = [{ type: "trugrid_domain", id: client.domainName }];
    await vendorCall(() => client.refreshApplications());
    return { message: `TruGrid accepted an application refresh of ${client.domainName}.` };
  },
);

/** Application associations of chosen user groups, or of every group when none is given (domain name typed, checked here). */
export const clearAppAssociations = action(
  { name: "trugrid.app_association.cleared", perm: "trugrid.domain.write", mode: "external",
    input: z.object({ tenantId: z.string().min(1), groups: z.array(z.string().trim().min(1)).max(500), confirm: z.string().trim().optional() }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "trugrid", targets: i.groups.length ? i.groups.map((g) => ({ type: "trugrid_user_group", id: g })) : [{ type: "trugrid_domain", id: i.tenantId }] }) },
  async ({ tenantId, groups, confirm }, ctx) => {
    const client = await trugridClient(tenantId);
    if (groups.length === 0 && confirm?.toLowerCase() !== client.domainName.toLowerCase()) throw new ActionError(`Type the domain name (${client.domainName}) to clear every group's application associations.`);
    if (groups.length === 0) ctx.audit.targets = [{ type: "trugrid_domain", id: client.domainName }];
    const results = await vendorCall(() => client.clearAppAssociations(groups));
    const items: ItemOutcome[] = results.map((r, i) => ({ item: r.item ?? groups[i] ?? "(domain)", status: r.status, ok: r.ok }));
    ctx.audit.after = { statuses: statusesOf(items) };
    return summarise(items, "Application associations cleared");
  },
);

const Dns = z.string().trim().toLowerCase().regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "Not a DNS name (such as corp.example.com).");

/**
 * TruGrid's rule: a suffix may not be a domain registered in TruGrid, nor a
 * suffix of another domain; it says which per item. TruGrid has no call that
 * lists suffixes, so the console knows only those added through it (audit log).
 */
export const addUpnSuffixes = action(
  { name: "trugrid.upn_suffix.added", perm: "trugrid.domain.write", mode: "external",
    input: z.object({ tenantId: z.string().min(1), suffixes: z.array(Dns).min(1, "Enter at least one suffix.").max(100) }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "trugrid", targets: i.suffixes.map((s) => ({ type: "trugrid_upn_suffix", id: s })) }) },
  async ({ tenantId, suffixes }, ctx) => {
    const client = await trugridClient(tenantId);
    const items: ItemOutcome[] = await vendorCall(() => client.addUpnSuffix(suffixes));
    ctx.audit.after = { statuses: statusesOf(items), added: items.filter((r) => r.ok).map((r) => r.item) };
    return summarise(items, "UPN suffix added");
  },
);

/**
 * Resource assignments: users or user groups get machines or machine groups
 * (the portal's Resource Assignments), defined in lib/operations/trugrid/add-assignments.ts.
 */
export const addUserMachineAssignments = actionOf<{
  tenantId: string;
  assignments: { key: string; value: string[] }[];
}>(addAssignmentsOp);
