import { buildDirectory, type SimSize } from "../core/directory";
import { type Rng, rng } from "../core/random";

// TruGrid's view of each AD domain. Keys of every map are lower-case: AD
// names and UPNs compare case-insensitively; the stored objects keep the
// original spelling for answers.

export interface TgUser {
  upn: string;
  displayName: string;
  /** Holds TruGrid's Admin role: MFA cannot be turned off. */
  isAdmin: boolean;
  /** False while the user is only in the TG-Users AD group, not yet pulled into TruGrid. */
  synced: boolean;
  mfaEnabled: boolean;
  /** Whether the user has completed MFA enrolment (false = "MFA not set"). */
  mfaEnrolled: boolean;
  phone: string | null;
  udp: boolean;
  logon: { web: string | null; desktop: string | null; mobile: string | null };
}

export interface TgMachine {
  name: string;
  kind: "client" | "server";
  synced: boolean;
}

export interface TgGroup {
  name: string;
  /** Lower-case member UPNs (user groups) or machine names (machine groups). */
  members: Set<string>;
  synced: boolean;
}

/** One machine group's user–machine associations, indexed both ways. */
export class GroupAssociations {
  /** user (lower) → machine (lower) */
  readonly byUser = new Map<string, string>();
  /** machine (lower) → users (lower) */
  readonly byMachine = new Map<string, Set<string>>();

  set(user: string, machine: string): void {
    this.delete(user);
    this.byUser.set(user, machine);
    let users = this.byMachine.get(machine);
    if (!users) {
      users = new Set();
      this.byMachine.set(machine, users);
    }
    users.add(user);
  }

  delete(user: string): void {
    const old = this.byUser.get(user);
    if (old === undefined) return;
    this.byUser.delete(user);
    const users = this.byMachine.get(old);
    users?.delete(user);
    if (users?.size === 0) this.byMachine.delete(old);
  }

  clear(): void {
    this.byUser.clear();
    this.byMachine.clear();
  }
}

export interface TgAssignment {
  /** A user UPN or a user-group name, as first given. */
  key: string;
  /** Lower-case machine and machine-group names. */
  targets: Set<string>;
}

export interface TgApplication {
  name: string;
  /** False until an application refresh picks it up from AD. */
  published: boolean;
}

export interface TgDomain {
  domain: string;
  users: Map<string, TgUser>;
  machines: Map<string, TgMachine>;
  userGroups: Map<string, TgGroup>;
  machineGroups: Map<string, TgGroup>;
  /** Resource assignments (addUserMachineAssignment), by lower-case key. */
  assignments: Map<string, TgAssignment>;
  /** Machine associations by lower-case machine-group name. */
  associations: Map<string, GroupAssociations>;
  applications: Map<string, TgApplication>;
  /** Published applications associated with a user group, by lower-case group name. */
  appAssociations: Map<string, Set<string>>;
  ipWhitelist: string[];
  externalResources: string[];
  /** Lower-case allowed UPN suffixes. */
  upnSuffixes: Set<string>;
  lastActiveDirectoryRefresh: string | null;
  lastApplicationRefresh: string | null;
}

export interface TruGridState {
  /** By lower-case DNS name. */
  domains: Map<string, TgDomain>;
}

const lc = (s: string) => s.toLowerCase();

const APPS = ["Microsoft Word", "Microsoft Excel", "Microsoft Outlook", "Sage 50 Accounting", "AutoCAD LT"];
const PENDING_APPS = ["QuickBooks Desktop"];
const EXTERNAL_RESOURCES = ["trugrid.com", "*.trugrid.com", "*.servicebus.windows.net", "*.blob.core.windows.net"];

function publicIp(r: Rng): string {
  // Documentation ranges (RFC 5737): never someone's real address.
  const net = r.pick(["198.51.100", "203.0.113", "192.0.2"]);
  return `${net}.${r.int(1, 254)}`;
}

function group(name: string, members: Iterable<string>, synced = true): TgGroup {
  return { name, members: new Set([...members].map(lc)), synced };
}

/** Seeds TruGrid's state from the shared simulated company, deterministically. */
export function seedTruGridState(size: SimSize, seed?: number): TruGridState {
  const directory = seed === undefined ? buildDirectory(size) : buildDirectory(size, seed);
  const r = rng((seed ?? 20261123) ^ 0x7146_1d);
  const domains = new Map<string, TgDomain>();

  for (const d of directory) {
    const users = new Map<string, TgUser>();
    const pendingUsers: string[] = [];
    const pendingMachines = new Set<string>();
    d.people.forEach((p, i) => {
      // A few people were added to TG-Users in AD after the last sync.
      const synced = p.isAdmin || i % 20 !== 7;
      if (!synced) {
        pendingUsers.push(p.upn);
        pendingMachines.add(lc(p.laptop));
      }
      const enrolled = p.isAdmin || !r.chance(0.12);
      users.set(lc(p.upn), {
        upn: p.upn,
        displayName: p.displayName,
        isAdmin: p.isAdmin,
        synced,
        mfaEnabled: p.isAdmin || !r.chance(0.08),
        mfaEnrolled: enrolled,
        phone: enrolled ? `+1 555 01${String(r.int(0, 99)).padStart(2, "0")}` : null,
        udp: r.chance(0.3),
        logon: {
          web: r.chance(0.7) ? publicIp(r) : null,
          desktop: r.chance(0.8) ? publicIp(r) : null,
          mobile: r.chance(0.4) ? publicIp(r) : null,
        },
      });
    });

    const machines = new Map<string, TgMachine>();
    for (const m of d.machines)
      machines.set(lc(m.name), { name: m.name, kind: m.kind, synced: !pendingMachines.has(lc(m.name)) });

    const userGroups = new Map<string, TgGroup>(d.userGroups.map((g) => [lc(g.name), group(g.name, g.members)]));
    const machineGroups = new Map<string, TgGroup>(d.machineGroups.map((g) => [lc(g.name), group(g.name, g.members)]));
    if (pendingUsers.length > 0) {
      userGroups.set("new hires", group("New Hires", pendingUsers, false));
      machineGroups.set("new hire workstations", group("New Hire Workstations", pendingMachines, false));
    }

    const assignments = new Map<string, TgAssignment>();
    for (const g of d.userGroups) {
      const dept = g.name.replace(/ Users$/, "");
      const targets = new Set([lc(`${dept} Workstations`)]);
      if (dept === "IT" || dept === "Engineering") targets.add("remote desktop farm");
      assignments.set(lc(g.name), { key: g.name, targets });
    }

    const associations = new Map<string, GroupAssociations>();
    for (const g of machineGroups.keys()) associations.set(g, new GroupAssociations());
    const servers = d.machines.filter((m) => m.kind === "server").map((m) => lc(m.name));
    for (const p of d.people) {
      if (!users.get(lc(p.upn))!.synced) continue;
      if (r.chance(0.85)) associations.get(lc(`${p.department} Workstations`))?.set(lc(p.upn), lc(p.laptop));
      if ((p.department === "IT" || p.department === "Engineering") && r.chance(0.3)) {
        associations.get("remote desktop farm")!.set(lc(p.upn), r.pick(servers));
      }
    }

    const applications = new Map<string, TgApplication>();
    for (const a of APPS) applications.set(lc(a), { name: a, published: true });
    for (const a of PENDING_APPS) applications.set(lc(a), { name: a, published: false });
    const appAssociations = new Map<string, Set<string>>();
    for (const g of d.userGroups) {
      const apps = new Set(["microsoft word", "microsoft excel", "microsoft outlook"]);
      if (g.name === "Finance Users") apps.add("sage 50 accounting");
      if (g.name === "Engineering Users") apps.add("autocad lt");
      appAssociations.set(lc(g.name), apps);
    }

    const base = d.domain.split(".")[0];
    domains.set(lc(d.domain), {
      domain: d.domain,
      users,
      machines,
      userGroups,
      machineGroups,
      assignments,
      associations,
      applications,
      appAssociations,
      ipWhitelist: [...new Set(Array.from({ length: 4 }, () => publicIp(r)))],
      externalResources: [...EXTERNAL_RESOURCES, `${base}.trugrid.com`],
      upnSuffixes: new Set([lc(`corp.${d.domain}`)]),
      lastActiveDirectoryRefresh: null,
      lastApplicationRefresh: null,
    });
  }
  return { domains };
}
