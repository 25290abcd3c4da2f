import { itemError, replaced, SUCCESS } from "./messages";
import type { TgDomain, TgGroup, TgUser, TruGridState } from "./state";

// TruGrid's behaviour per request item. Each function applies its change to
// the domain and returns the per-item status strings the vendor answers with.

const lc = (s: string) => s.toLowerCase();

export interface ItemStatus<T = string> {
  item: T;
  status: string;
}

/** A user TruGrid knows: present in AD and already synced. */
export function findUser(d: TgDomain, upn: string): TgUser | undefined {
  const u = d.users.get(lc(upn));
  return u?.synced ? u : undefined;
}

const synced = <T extends { synced: boolean }>(x: T | undefined) => (x?.synced ? x : undefined);

function eachUser(d: TgDomain, upns: string[], apply: (u: TgUser) => string): ItemStatus[] {
  return upns.map((upn) => {
    const u = findUser(d, upn);
    return { item: upn, status: u ? apply(u) : itemError.userNotFound(upn, d.domain) };
  });
}

/** An empty list means every user in the domain. */
function usersOrAll(d: TgDomain, upns: string[]): string[] {
  return upns.length > 0 ? upns : [...d.users.values()].filter((u) => u.synced).map((u) => u.upn);
}

export const turnOnMfa = (d: TgDomain, upns: string[]) =>
  eachUser(d, upns, (u) => {
    u.mfaEnabled = true;
    return SUCCESS;
  });

export const turnOffMfa = (d: TgDomain, upns: string[]) =>
  eachUser(d, upns, (u) => {
    if (u.isAdmin) return itemError.adminMfa(u.upn);
    u.mfaEnabled = false;
    return SUCCESS;
  });

export const resetMfa = (d: TgDomain, upns: string[], resetPhone: boolean) =>
  eachUser(d, upns, (u) => {
    if (!u.mfaEnabled) return itemError.mfaOff(u.upn);
    if (!u.mfaEnrolled) return itemError.mfaNotSet(u.upn);
    // The user enrols again at next sign-in.
    u.mfaEnrolled = false;
    if (resetPhone) u.phone = null;
    return SUCCESS;
  });

export const setUdp = (d: TgDomain, upns: string[], on: boolean) =>
  eachUser(d, usersOrAll(d, upns), (u) => {
    u.udp = on;
    return SUCCESS;
  });

export const syncAddedAdUsers = (d: TgDomain, upns: string[]): ItemStatus[] =>
  upns.map((upn) => {
    const u = d.users.get(lc(upn));
    if (!u) return { item: upn, status: itemError.userNotFound(upn, d.domain) };
    u.synced = true;
    return { item: upn, status: SUCCESS };
  });

export const syncAddedAdMachines = (d: TgDomain, names: string[]): ItemStatus[] =>
  names.map((name) => {
    const m = d.machines.get(lc(name));
    if (!m) return { item: name, status: itemError.machineNotFound(name, d.domain) };
    m.synced = true;
    return { item: name, status: SUCCESS };
  });

/** Syncing a group pulls in its members too. */
export function syncAddedAdGroups(d: TgDomain, names: string[], kind: "user" | "machine"): ItemStatus[] {
  const groups = kind === "user" ? d.userGroups : d.machineGroups;
  const members: Map<string, { synced: boolean }> = kind === "user" ? d.users : d.machines;
  return names.map((name) => {
    const g = groups.get(lc(name));
    if (!g) return { item: name, status: itemError.groupNotFound(name, d.domain) };
    g.synced = true;
    for (const m of g.members) {
      const member = members.get(m);
      if (member) member.synced = true;
    }
    return { item: name, status: SUCCESS };
  });
}

export function refreshActiveDirectory(d: TgDomain, now: Date) {
  const count = (m: Map<string, { synced: boolean }>) => {
    let n = 0;
    for (const x of m.values()) {
      if (!x.synced) {
        x.synced = true;
        n++;
      }
    }
    return n;
  };
  const summary = {
    users: count(d.users),
    machines: count(d.machines),
    userGroups: count(d.userGroups),
    machineGroups: count(d.machineGroups),
  };
  d.lastActiveDirectoryRefresh = now.toISOString();
  return summary;
}

export function refreshApplications(d: TgDomain, now: Date) {
  let published = 0;
  for (const a of d.applications.values()) {
    if (!a.published) {
      a.published = true;
      published++;
    }
  }
  d.lastApplicationRefresh = now.toISOString();
  return { applications: published };
}

export function addUpnSuffix(state: TruGridState, d: TgDomain, names: string[]): ItemStatus[] {
  return names.map((name) => {
    const s = lc(name);
    if (state.domains.has(s)) return { item: name, status: itemError.suffixIsDomain(name) };
    for (const other of state.domains.values()) {
      if (other !== d && other.upnSuffixes.has(s)) return { item: name, status: itemError.suffixOfOtherDomain(name) };
    }
    d.upnSuffixes.add(s);
    return { item: name, status: SUCCESS };
  });
}

/** An empty list clears every machine group of the domain. */
export function clearMachineAssociations(d: TgDomain, groups: string[]): ItemStatus[] {
  const names = groups.length > 0 ? groups : [...d.machineGroups.values()].filter((g) => g.synced).map((g) => g.name);
  return names.map((name) => {
    const g = synced(d.machineGroups.get(lc(name)));
    if (!g) return { item: name, status: itemError.groupNotFound(name, d.domain) };
    d.associations.get(lc(g.name))?.clear();
    return { item: name, status: SUCCESS };
  });
}

/** Application associations hang off user groups; an empty list clears them all. */
export function clearAppAssociations(d: TgDomain, groups: string[]): ItemStatus[] {
  const names = groups.length > 0 ? groups : [...d.userGroups.values()].filter((g) => g.synced).map((g) => g.name);
  return names.map((name) => {
    const g = synced(d.userGroups.get(lc(name)));
    if (!g) return { item: name, status: itemError.groupNotFound(name, d.domain) };
    d.appAssociations.delete(lc(g.name));
    return { item: name, status: SUCCESS };
  });
}

export interface AssignmentInput {
  key: string;
  value: string[];
}

/**
 * Resource assignments: a user or user group gets machines or machine groups.
 * Repeated calls add to what the key already has.
 */
export function addUserMachineAssignment(d: TgDomain, items: (AssignmentInput | null)[]): string[] {
  const seen = new Set<string>();
  return items.map((a) => {
    if (!a?.key || a.value.length === 0 || a.value.some((v) => !v)) return itemError.missingData();
    const key = lc(a.key);
    if (seen.has(key)) return itemError.duplicateKey(a.key);
    seen.add(key);
    if (a.key.includes("@")) {
      if (!findUser(d, a.key)) return itemError.userNotFound(a.key, d.domain);
    } else if (!synced(d.userGroups.get(key))) return itemError.groupNotFound(a.key, d.domain);
    for (const v of a.value) {
      if (!synced(d.machineGroups.get(lc(v))) && !synced(d.machines.get(lc(v))))
        return itemError.machineNotFound(v, d.domain);
    }
    let existing = d.assignments.get(key);
    if (!existing) {
      existing = { key: a.key, targets: new Set() };
      d.assignments.set(key, existing);
    }
    for (const v of a.value) existing.targets.add(lc(v));
    return SUCCESS;
  });
}

/** Whether the user, directly or through a user group, is assigned the machine group or one of its machines. */
function isAssigned(d: TgDomain, u: TgUser, g: TgGroup): boolean {
  const keys = [lc(u.upn)];
  for (const [k, ug] of d.userGroups) if (ug.synced && ug.members.has(lc(u.upn))) keys.push(k);
  for (const k of keys) {
    const a = d.assignments.get(k);
    if (!a) continue;
    if (a.targets.has(lc(g.name))) return true;
    for (const t of a.targets) if (g.members.has(t)) return true;
  }
  return false;
}

const sharedCache = new WeakMap<TgGroup, boolean>();
/** A group with at least one server lets several users share a machine. */
function isShared(d: TgDomain, g: TgGroup): boolean {
  let shared = sharedCache.get(g);
  if (shared === undefined) {
    shared = [...g.members].some((m) => d.machines.get(m)?.kind === "server");
    sharedCache.set(g, shared);
  }
  return shared;
}

export interface AssociationInput {
  userUpn?: unknown;
  groupName?: unknown;
  machineName?: unknown;
}

const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : undefined);

export function setMachineAssociation(d: TgDomain, item: AssociationInput): string {
  const userUpn = text(item.userUpn),
    groupName = text(item.groupName),
    machineName = text(item.machineName);
  if (!userUpn || !groupName || !machineName) return itemError.missingData();
  const g = synced(d.machineGroups.get(lc(groupName)));
  if (!g) return itemError.groupNotFound(groupName, d.domain);
  const m = synced(d.machines.get(lc(machineName)));
  if (!m) return itemError.machineNotFound(machineName, d.domain);
  if (!g.members.has(lc(machineName))) return itemError.machineNotInGroup(machineName, groupName);
  const u = findUser(d, userUpn);
  if (!u) return itemError.userNotFound(userUpn, d.domain);
  if (!isAssigned(d, u, g)) return itemError.userNotAssigned(userUpn, groupName);
  const assoc = d.associations.get(lc(g.name))!;
  const user = lc(u.upn),
    machine = lc(m.name);
  if (!isShared(d, g)) {
    const other = [...(assoc.byMachine.get(machine) ?? [])].find((x) => x !== user);
    if (other) return itemError.machineTaken(machineName, d.users.get(other)!.upn, groupName);
  }
  const previous = assoc.byUser.get(user);
  if (previous === machine) return SUCCESS;
  assoc.set(user, machine);
  return previous === undefined ? SUCCESS : replaced(d.machines.get(previous)!.name);
}

export interface AssociationRow {
  userUpn: string;
  groupName: string;
  machineName: string;
}

export function associationsOfGroup(d: TgDomain, g: TgGroup): AssociationRow[] {
  const assoc = d.associations.get(lc(g.name));
  if (!assoc) return [];
  return [...assoc.byUser].map(([u, m]) => ({
    userUpn: d.users.get(u)!.upn,
    groupName: g.name,
    machineName: d.machines.get(m)!.name,
  }));
}

export function associationsOfUser(d: TgDomain, u: TgUser): AssociationRow[] {
  const rows: AssociationRow[] = [];
  for (const [k, assoc] of d.associations) {
    const m = assoc.byUser.get(lc(u.upn));
    if (m !== undefined)
      rows.push({ userUpn: u.upn, groupName: d.machineGroups.get(k)!.name, machineName: d.machines.get(m)!.name });
  }
  return rows;
}

export function logonIps(u: TgUser) {
  return { upn: u.upn, ...u.logon };
}
