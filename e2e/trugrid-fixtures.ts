import { expect, type Page } from "@playwright/test";
import { TRUGRID_SIM_API_KEY } from "../sim/trugrid/server";
import { db, syncTenant } from "./fixtures";

/** The demo tenant and its TruGrid simulator (base URL and domain), as the console is wired to them. */
export async function trugridDemo() {
  const prisma = await db();
  const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, include: { connections: true } });
  const conn = tenant.connections.find((c) => c.vendor === "trugrid")!;
  const domain = (conn.settings as { domainName: string }).domainName;
  const sim = conn.baseUrl.replace(/\/+$/, "").replace(/\/api\/public$/i, "");
  return { tenant, domain, sim };
}

export interface SimSummary {
  admins: string[];
  mfaOff: string[];
  mfaUnset: string[];
  pendingUsers: string[];
  pendingMachines: string[];
  pendingUserGroups: string[];
  pendingMachineGroups: string[];
  machineGroups: { name: string; members: string[] }[];
  assignments: { key: string; targets: string[] }[];
  upnSuffixes: string[];
  lastActiveDirectoryRefresh: string | null;
  lastApplicationRefresh: string | null;
  appAssociations: Record<string, string[]>;
}

export async function simSummary(sim: string, domain: string): Promise<SimSummary> {
  return (await fetch(`${sim}/__sim/state/${domain}/summary`)).json() as Promise<SimSummary>;
}

export async function simUser(
  sim: string,
  domain: string,
  upn: string,
): Promise<{ mfa: "on" | "off" | "unset"; udp: boolean; phone: string | null; isAdmin: boolean }> {
  return (await fetch(`${sim}/__sim/state/${domain}/users/${encodeURIComponent(upn)}`)).json() as never;
}

export async function setFaults(sim: string, faults: Record<string, number>) {
  const res = await fetch(`${sim}/__sim/faults`, { method: "PUT", body: JSON.stringify(faults) });
  expect(res.ok).toBe(true);
}

/** Fills the TruGrid cache of the demo tenant once (a sync through the console's own action and worker). */
export async function ensureTrugridSynced(page: Page, tenantId: string) {
  const prisma = await db();
  if ((await prisma.trugridUser.count({ where: { tenantId, deletedAt: null } })) > 0) return;
  await syncTenant(page, tenantId, ["trugrid"]);
}

/** Synced users TruGrid holds with MFA on and enrolled, not admins: safe to turn MFA off and back on. */
export async function ordinaryUsers(tenantId: string, sim: string, domain: string): Promise<string[]> {
  const s = await simSummary(sim, domain);
  const skip = new Set([...s.admins, ...s.mfaOff, ...s.mfaUnset, ...s.pendingUsers].map((u) => u.toLowerCase()));
  const users = await (await db()).trugridUser.findMany({
    where: { tenantId, deletedAt: null },
    orderBy: { upn: "asc" },
    select: { upn: true },
  });
  return users.map((u) => u.upn).filter((u) => !skip.has(u.toLowerCase()));
}

/** What TruGrid holds now, read through its documented route with the simulator's key. */
export async function vendorAssociations(
  sim: string,
  domain: string,
  filter: { groupName: string } | { userUpn: string },
) {
  const q = new URLSearchParams({ domainName: domain, ...filter });
  const res = await fetch(`${sim}/api/public/GetMachineAssociations?${q}`, {
    headers: { api_key: TRUGRID_SIM_API_KEY },
  });
  expect(res.ok).toBe(true);
  return (await res.json()) as { userUpn: string; groupName: string; machineName: string }[];
}
