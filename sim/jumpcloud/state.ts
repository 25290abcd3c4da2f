import { buildDirectory, type SimDomain, type SimSize } from "../core/directory";
import { rng } from "../core/random";
import { JUMPCLOUD_SIM_ORG_IDS } from "./credentials";
import { IdSource } from "./ids";

export type UserState = "STAGED" | "ACTIVATED" | "SUSPENDED";
export type MfaStatus =
  | "NOT_ENROLLED"
  | "DISABLED"
  | "PENDING_ACTIVATION"
  | "ENROLLMENT_EXPIRED"
  | "IN_ENROLLMENT"
  | "PRE_ENROLLMENT"
  | "ENROLLED";

export interface JcUser {
  _id: string;
  username: string;
  email: string;
  /** A second address (personal, or another domain's); JumpCloud returns it only once set. */
  alternateEmail?: string;
  firstname: string;
  lastname: string;
  displayname: string;
  department: string;
  jobTitle: string;
  manager: string | null;
  state: UserState;
  activated: boolean;
  suspended: boolean;
  account_locked: boolean;
  account_locked_date: string | null;
  badLoginAttempts: number;
  password_expired: boolean;
  password_expiration_date: string | null;
  /** When the password was last set (systemuserreturn's password_date); absent until one is. */
  password_date?: string;
  password_never_expires: boolean;
  totp_enabled: boolean;
  enable_user_portal_multifactor: boolean;
  mfa: { configured: boolean; exclusion: boolean; exclusionDays?: number; exclusionUntil?: string };
  mfaEnrollment: { overallStatus: MfaStatus; totpStatus: MfaStatus; webAuthnStatus: MfaStatus; pushStatus: MfaStatus };
  attributes: { name: string; value: string }[];
  externally_managed: boolean;
  created: string;
  organization: string;
}

export interface JcSystem {
  _id: string;
  displayName: string;
  hostname: string;
  os: string;
  osFamily: string;
  version: string;
  serialNumber: string;
  active: boolean;
  lastContact: string;
  created: string;
  organization: string;
  agentVersion: string;
}

export interface JcGroup {
  id: string;
  name: string;
  type: "user_group" | "system_group";
  description: string;
  email: string;
  attributes: Record<string, unknown> | null;
  membershipMethod: string;
  memberQuery: unknown;
}

export interface MdmDevice {
  id: string;
  systemId: string;
  serialNumber: string;
  deviceInformation: { deviceName: string; productName: string; osVersion: string };
  osFamily: "macos" | "ios";
  depRegistered: boolean;
  enrolled: boolean;
}

export interface PushEndpoint {
  id: string;
  name: string;
  state: string;
  enrollmentDate: string;
  lastUsedDate: string;
  device: { make: string; model: string; os: string; osVersion: string; appVersion: string; uvEnabled: boolean };
}

export interface BulkJob {
  id: string;
  kind: "create" | "update" | "expire" | "unlock";
  dueAt: number;
  done: boolean;
  items: Record<string, unknown>[];
  creationSource: string;
  results: {
    id: string;
    status: string;
    statusMsg: string;
    meta: unknown;
    persistedFields: unknown;
    createdAt: string;
    updatedAt: string;
  }[];
}

export interface ScheduledState {
  scheduledJobId: string;
  systemUserId: string;
  state: "ACTIVATED" | "SUSPENDED";
  scheduledDate: string;
  sendActivationEmails: boolean;
}

export interface AppleMdm {
  id: string;
  name: string;
  devices: Map<string, MdmDevice>;
}

export const appleMdm = (id: string, name: string): AppleMdm => ({ id, name, devices: new Map() });

export interface AccessRequest {
  id: string;
  requestorId: string;
  resourceId: string;
  resourceType: string;
  remarks: string;
  expiry: string;
  status: "ACTIVE" | "REVOKED";
}

export interface Org {
  id: string;
  name: string;
  domain: string;
  settings: { newSystemUserStateDefaults: { csvImport: UserState; applicationImport: UserState } };
  users: Map<string, JcUser>;
  systems: Map<string, JcSystem>;
  userGroups: Map<string, JcGroup>;
  systemGroups: Map<string, JcGroup>;
  /** group id → member ids, in insertion order. */
  members: Map<string, Set<string>>;
  /** member id → group ids (reverse index for memberof and traversals). */
  memberOf: Map<string, Set<string>>;
  /** node key "type:id" → neighbour key → association attributes (stored both ways). */
  associations: Map<string, Map<string, Record<string, unknown> | null>>;
  /** Apple MDM servers by id; an organisation starts with one. */
  mdms: Map<string, AppleMdm>;
  pushEndpoints: Map<string, PushEndpoint[]>;
  pushVerifications: Map<string, { id: string; userId: string; endpointId: string; message: string; status: string }>;
  accessRequests: Map<string, AccessRequest>;
  bulkJobs: Map<string, BulkJob>;
  scheduledStates: Map<string, ScheduledState>;
  /** Builtin and MDM commands sent, for inspection. */
  commands: { target: string; command: string; at: string; body?: unknown }[];
  /** Each user's last password set through the API, as a SHA-256 hex digest, for inspection (never served). */
  passwords: Map<string, string>;
}

export interface JumpCloudState {
  orgs: Map<string, Org>;
  ids: IdSource;
  /** Milliseconds before a bulk job's results appear. */
  bulkDelayMs: number;
}

export const nodeKey = (type: string, id: string) => `${type}:${id}`;

export function associate(org: Org, a: string, b: string, attributes: Record<string, unknown> | null = null) {
  let m = org.associations.get(a);
  if (!m) {
    m = new Map();
    org.associations.set(a, m);
  }
  m.set(b, attributes);
  let n = org.associations.get(b);
  if (!n) {
    n = new Map();
    org.associations.set(b, n);
  }
  n.set(a, attributes);
}

export function dissociate(org: Org, a: string, b: string) {
  org.associations.get(a)?.delete(b);
  org.associations.get(b)?.delete(a);
}

export function addMember(org: Org, groupId: string, memberId: string) {
  let s = org.members.get(groupId);
  if (!s) {
    s = new Set();
    org.members.set(groupId, s);
  }
  s.add(memberId);
  let r = org.memberOf.get(memberId);
  if (!r) {
    r = new Set();
    org.memberOf.set(memberId, r);
  }
  r.add(groupId);
}

export function removeMember(org: Org, groupId: string, memberId: string) {
  org.members.get(groupId)?.delete(memberId);
  org.memberOf.get(memberId)?.delete(groupId);
}

/** Removes an object and everything that points at it. */
export function forgetNode(org: Org, type: string, id: string) {
  const key = nodeKey(type, id);
  for (const other of org.associations.get(key)?.keys() ?? []) org.associations.get(other)?.delete(key);
  org.associations.delete(key);
  for (const g of org.memberOf.get(id) ?? []) org.members.get(g)?.delete(id);
  org.memberOf.delete(id);
  for (const m of org.members.get(id) ?? []) org.memberOf.get(m)?.delete(id);
  org.members.delete(id);
}

const BASE_TIME = Date.UTC(2025, 0, 6, 9, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

function emptyOrg(id: string, name: string, domain: string, ids: IdSource): Org {
  const mdm = appleMdm(ids.next(), "Apple MDM");
  return {
    id,
    name,
    domain,
    settings: { newSystemUserStateDefaults: { csvImport: "ACTIVATED", applicationImport: "STAGED" } },
    users: new Map(),
    systems: new Map(),
    userGroups: new Map(),
    systemGroups: new Map(),
    members: new Map(),
    memberOf: new Map(),
    associations: new Map(),
    mdms: new Map([[mdm.id, mdm]]),
    pushEndpoints: new Map(),
    pushVerifications: new Map(),
    accessRequests: new Map(),
    bulkJobs: new Map(),
    scheduledStates: new Map(),
    commands: [],
    passwords: new Map(),
  };
}

const enrolled = (s: MfaStatus) => s === "ENROLLED";

function seedOrg(org: Org, d: SimDomain, size: SimSize, seed: number, ids: IdSource) {
  const r = rng(seed ^ 0x6a75);
  const idByUpn = new Map<string, string>();
  const idByMachine = new Map<string, string>();
  const managerOf = new Map<string, string>();
  for (const p of d.people) {
    const id = ids.next();
    idByUpn.set(p.upn, id);
    // Most people are active; a few are still staged (new hires) or suspended (leavers).
    const roll = r.next();
    const state: UserState = roll < 0.06 ? "STAGED" : roll < 0.1 ? "SUSPENDED" : "ACTIVATED";
    const totp: MfaStatus =
      state === "STAGED"
        ? "NOT_ENROLLED"
        : r.pick([
            "ENROLLED",
            "ENROLLED",
            "ENROLLED",
            "NOT_ENROLLED",
            "PENDING_ACTIVATION",
            "ENROLLMENT_EXPIRED",
            "IN_ENROLLMENT",
          ] as const);
    const push: MfaStatus = state === "STAGED" ? "NOT_ENROLLED" : r.chance(0.4) ? "ENROLLED" : "NOT_ENROLLED";
    const webAuthn: MfaStatus = r.chance(0.15) ? "ENROLLED" : "NOT_ENROLLED";
    const overall: MfaStatus = enrolled(totp) || enrolled(push) || enrolled(webAuthn) ? "ENROLLED" : totp;
    const locked = state === "ACTIVATED" && r.chance(0.05);
    const created = iso(BASE_TIME + p.n * 3_600_000);
    org.users.set(id, {
      _id: id,
      username: p.upn.split("@", 1)[0] ?? p.upn,
      email: p.email,
      firstname: p.first,
      lastname: p.last,
      displayname: p.displayName,
      department: p.department,
      jobTitle: p.title,
      manager: null,
      state,
      activated: state !== "STAGED",
      suspended: state === "SUSPENDED",
      account_locked: locked,
      account_locked_date: locked ? iso(BASE_TIME + 86_400_000 * 30) : null,
      badLoginAttempts: locked ? 10 : 0,
      password_expired: false,
      password_expiration_date: iso(BASE_TIME + 86_400_000 * 90),
      password_never_expires: p.isAdmin,
      totp_enabled: enrolled(totp),
      enable_user_portal_multifactor: enrolled(totp) || p.isAdmin,
      mfa: { configured: enrolled(totp), exclusion: false },
      mfaEnrollment: { overallStatus: overall, totpStatus: totp, webAuthnStatus: webAuthn, pushStatus: push },
      attributes: [{ name: "objectGUID", value: p.guid }],
      externally_managed: false,
      created,
      organization: org.id,
    });
    if (enrolled(push)) {
      org.pushEndpoints.set(id, [
        {
          id: ids.next(),
          name: `${p.first}'s iPhone`,
          state: "active",
          enrollmentDate: created,
          lastUsedDate: iso(BASE_TIME + 86_400_000 * 60),
          device: {
            make: "Apple",
            model: "iPhone",
            os: "iOS",
            osVersion: "18.2",
            appVersion: "2.14.0",
            uvEnabled: true,
          },
        },
      ]);
    }
  }
  // Each department reports to its first member.
  const head = new Map<string, string>();
  for (const p of d.people) {
    const h = head.get(p.department);
    if (!h) head.set(p.department, idByUpn.get(p.upn)!);
    else managerOf.set(idByUpn.get(p.upn)!, h);
  }
  for (const [u, m] of managerOf) org.users.get(u)!.manager = m;

  const [mdm] = org.mdms.values();
  if (!mdm) throw new Error("An organisation is made with its Apple MDM.");
  const addSystem = (name: string, os: "Windows" | "macOS" | "iOS", n: number) => {
    const id = ids.next();
    idByMachine.set(name, id);
    const serial = `C02${(n * 7919 + name.length).toString(36).toUpperCase().padStart(9, "0")}`;
    const sys: JcSystem = {
      _id: id,
      displayName: name,
      hostname: os === "iOS" ? name : `${name}.${d.domain}`,
      os: os === "Windows" ? "Windows" : os === "macOS" ? "Mac OS X" : "iOS",
      osFamily: os === "Windows" ? "windows" : os === "macOS" ? "darwin" : "ios",
      version: os === "Windows" ? "11 Pro 23H2" : os === "macOS" ? "15.2" : "18.2",
      serialNumber: serial,
      active: n % 9 !== 0,
      lastContact: iso(BASE_TIME + 86_400_000 * 70 - (n % 500) * 60_000),
      created: iso(BASE_TIME + n * 60_000),
      organization: org.id,
      agentVersion: "1.189.0",
    };
    org.systems.set(id, sys);
    if (os !== "Windows") {
      const dev: MdmDevice = {
        id: ids.next(),
        systemId: id,
        serialNumber: serial,
        deviceInformation: {
          deviceName: name,
          productName: os === "macOS" ? "MacBookPro18,3" : "iPhone15,2",
          osVersion: sys.version,
        },
        osFamily: os === "macOS" ? "macos" : "ios",
        depRegistered: true,
        enrolled: true,
      };
      mdm.devices.set(dev.id, dev);
    }
    return id;
  };
  let n = 0;
  for (const m of d.machines) addSystem(m.name, m.os, n++);
  // Phones, so that MDM has iOS devices; "large" fills up to 100,000 systems.
  const phones = size === "large" ? Math.max(0, 100_000 - d.machines.length) : Math.ceil(d.people.length / 3);
  const prefix = d.machines[0]?.name.split("-")[0] ?? "JC";
  for (let i = 0; i < phones; i++) {
    const p = d.people[i % d.people.length];
    if (!p) break;
    const name = `${prefix}-IPH-${String(i + 1).padStart(size === "large" ? 5 : 4, "0")}`;
    const sid = addSystem(name, "iOS", n++);
    associate(org, nodeKey("user", idByUpn.get(p.upn)!), nodeKey("system", sid));
  }
  // Each person's laptop is bound to them directly.
  for (const p of d.people)
    associate(org, nodeKey("user", idByUpn.get(p.upn)!), nodeKey("system", idByMachine.get(p.laptop)!));

  const groupByName = new Map<string, string>();
  for (const g of d.userGroups) {
    const id = ids.next();
    groupByName.set(g.name, id);
    org.userGroups.set(id, {
      id,
      name: g.name,
      type: "user_group",
      description: `${g.name.replace(/ Users$/, "")} department`,
      email: "",
      attributes: null,
      membershipMethod: "STATIC",
      memberQuery: null,
    });
    for (const upn of g.members) addMember(org, id, idByUpn.get(upn)!);
  }
  for (const g of d.machineGroups) {
    const id = ids.next();
    groupByName.set(g.name, id);
    org.systemGroups.set(id, {
      id,
      name: g.name,
      type: "system_group",
      description: "",
      email: "",
      attributes: null,
      membershipMethod: "STATIC",
      memberQuery: null,
    });
    for (const m of g.members) addMember(org, id, idByMachine.get(m)!);
  }
  // Departments reach their workstations; everyone reaches the remote desktop farm.
  const farm = groupByName.get("Remote Desktop Farm");
  for (const g of d.userGroups) {
    const ws = groupByName.get(g.name.replace(/ Users$/, " Workstations"));
    const ug = nodeKey("user_group", groupByName.get(g.name)!);
    if (ws) associate(org, ug, nodeKey("system_group", ws));
    if (farm)
      associate(
        org,
        ug,
        nodeKey("system_group", farm),
        g.name === "IT Users" ? { sudo: { enabled: true, withoutPassword: false } } : null,
      );
  }
}

/**
 * One organisation per directory domain; a multi-tenant admin also manages a
 * small sandbox organisation, so that there are always at least two.
 */
export function buildState(size: SimSize, seed = 20261123): JumpCloudState {
  const ids = new IdSource();
  const orgs = new Map<string, Org>();
  const domains = buildDirectory(size, seed).slice(0, 3);
  // At most as many domains as there are fixed organisation ids.
  domains.slice(0, JUMPCLOUD_SIM_ORG_IDS.length).forEach((d, i) => {
    const org = emptyOrg(JUMPCLOUD_SIM_ORG_IDS[i] as string, d.tenantName, d.domain, ids);
    seedOrg(org, d, size, seed + i, ids);
    orgs.set(org.id, org);
  });
  if (orgs.size < 2) {
    const id = JUMPCLOUD_SIM_ORG_IDS[orgs.size] as string;
    orgs.set(id, emptyOrg(id, "Sandbox", "sandbox.example", ids));
  }
  return { orgs, ids, bulkDelayMs: 300 };
}
