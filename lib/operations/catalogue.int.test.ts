import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { type createJumpCloudSim, JUMPCLOUD_SIM_ORG_IDS } from "../../sim/jumpcloud";
import { nodeKey } from "../../sim/jumpcloud/state";
import type { TruGridSim } from "../../sim/trugrid";
import type { TgUser } from "../../sim/trugrid/state";
import type { TruuSim } from "../../sim/truu";
import type { TwingateSim } from "../../sim/twingate";
import {
  type BulkHarness,
  jumpcloudBulkHarness,
  trugridBulkHarness,
  truuBulkHarness,
  twingateBulkHarness,
} from "../../test/bulk-harness";
import { nextPacerMinute } from "../../test/bulk-jobs";
import { ROOT, serverModules } from "../../test/server-modules";
import { actAs } from "../../test/session-as";
import { actionDefOf } from "../actions/action-tag";
import type { ActionDef } from "../actions/run-action";
import { AuditEventInput } from "../audit/event";
import { currentActionName } from "../audit/legacy-names";
import { PERMISSIONS } from "../auth/permissions";
import { loadStaff, type Staff } from "../auth/staff";
import { BULK_OPERATIONS, bulkOperation } from "../bulk/catalogue";
import type { Db } from "../db/client";
import { OFFBOARDING_STEPS } from "../offboarding/step-list";
import { INVERSES } from "../undo/registry";
import { undoEvent } from "../undo/undo-event";
import type { VendorId } from "../vendors/connection-fields";
import { OPERATIONS, operationById } from "./catalogue";
import { actionOf } from "./derive/action";
import { toBulkOperation } from "./derive/bulk";
import { actionInputOf, actionSchema } from "./items";
import { type AnyOperation, offers } from "./operation";

// Every operation of the catalogue, held to what every surface needs: one
// server action with its permission, a valid audit name, a CSV template
// that plans against a cache the simulator filled, and, when reversible, an
// inverse that puts the vendor back as it was. A new operation missing any
// of these fails here, by name.

vi.mock("../auth/session", () => import("../../test/session-as"));
vi.mock("next/headers", () => ({ cookies: async () => new Map(), headers: async () => new Headers() }));
vi.mock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
vi.mock("../auth/auth", () => ({
  signIn: async () => undefined,
  signOut: async () => undefined,
  authSecret: () => "unused",
  SESSION_ABSOLUTE_HOURS: 24,
}));

type Item = Record<string, unknown>;
interface Harness {
  db: Db;
  tenantId: string;
  staff: Staff;
}

/**
 * What a test needs to know of a vendor's simulator to exercise an
 * operation there: an item to act on (chosen so that the change changes
 * something), and the vendor's state of that item, to compare before and
 * after an undo. By operation id: a new operation needs its entry.
 */
interface Probe {
  item: (h: Harness) => Item;
  /** A sheet's row the cache knows, when not the item (the cache knows machines only from their associations). */
  row?: () => Item;
  state: (item: Item) => unknown;
  /**
   * What one call from its page action does to that state, for operations
   * no undo puts back (irreversible ones and reads): "changes" or "keeps".
   */
  once?: "changes" | "keeps";
}

let trugrid: BulkHarness<TruGridSim> | undefined;
const trugridUsers = () => {
  const domain = trugrid?.sim.state.domains.values().next().value;
  return [...(domain?.users.values() ?? [])].filter((u) => u.synced && !u.isAdmin) as TgUser[];
};
const trugridUser = (pick: (u: TgUser) => boolean): Item => {
  const user = trugridUsers().find(pick);
  if (!user) throw new Error("The TruGrid simulator has no user to try this on.");
  return { upn: user.upn };
};
const trugridState = (item: Item) => {
  const user = trugridUsers().find((u) => u.upn === item.upn);
  return user && { mfa: user.mfaEnabled, enrolled: user.mfaEnrolled, udp: user.udp, phone: user.phone };
};

const trugridDomain = () => trugrid?.sim.state.domains.values().next().value;
/**
 * A user's machine in a group they have one in, and another machine of that
 * group to move them to that nobody holds there, since TruGrid refuses a
 * workstation that is already someone else's.
 */
const trugridReassociation = (): Item => {
  const domain = trugridDomain();
  for (const [group, slots] of domain?.associations ?? []) {
    const free = [...(domain?.machineGroups.get(group)?.members ?? [])].filter((m) => !slots.byMachine.has(m));
    for (const [user] of slots.byUser) {
      const other = free[0];
      const known = trugridUsers().find((u) => u.upn.toLowerCase() === user);
      if (other && known) return { userUpn: known.upn, groupName: group, machineName: other };
    }
  }
  throw new Error("The TruGrid simulator has no association to move.");
};
/** A user's association as it is: a row the cache knows (planned as no change). */
const trugridAssociation = (): Item => {
  for (const [group, slots] of trugridDomain()?.associations ?? []) {
    for (const [user, machine] of slots.byUser) {
      const known = trugridUsers().find((u) => u.upn.toLowerCase() === user);
      if (known) return { userUpn: known.upn, groupName: group, machineName: machine };
    }
  }
  throw new Error("The TruGrid simulator has no association.");
};
const trugridSlot = (item: Item) =>
  trugridDomain()
    ?.associations.get(String(item.groupName).toLowerCase())
    ?.byUser.get(String(item.userUpn).toLowerCase());

const lc = (s: unknown) => String(s).toLowerCase();
/** The domain's name, typed to confirm a change to all of it. */
const trugridDomainName = () => trugridDomain()?.domain ?? "";
/** A group to clear: one whose machines are all taken (no other probe moves anyone in it), else the last one. */
const trugridGroupToClear = () => {
  const groups = [...(trugridDomain()?.associations ?? [])].filter(([, slots]) => slots.byUser.size > 0);
  const full = groups.find(([g, slots]) =>
    [...(trugridDomain()?.machineGroups.get(g)?.members ?? [])].every((m) => slots.byMachine.has(m)),
  );
  const [group] = full ?? groups.at(-1) ?? [];
  if (!group) throw new Error("The TruGrid simulator has no association to clear.");
  return trugridDomain()?.machineGroups.get(group)?.name ?? group;
};
/** An object of the domain added in AD that TruGrid has not synced yet, by name. */
const trugridPending = (of: "users" | "machines" | "userGroups" | "machineGroups"): Item => {
  const found = [...(trugridDomain()?.[of].values() ?? [])].find((x) => !x.synced);
  if (!found) throw new Error(`The TruGrid simulator has no ${of} pending in AD.`);
  return { name: "upn" in found ? found.upn : found.name };
};
const trugridSynced = (of: "users" | "machines" | "userGroups" | "machineGroups") => (item: Item) =>
  trugridDomain()?.[of].get(lc(item.name))?.synced;
const trugridSyncProbe = (of: "users" | "machines" | "userGroups" | "machineGroups"): Probe => ({
  item: () => trugridPending(of),
  state: trugridSynced(of),
  once: "changes",
});
/** A user group with application associations. */
const trugridAppGroup = () => {
  const [group] = [...(trugridDomain()?.appAssociations ?? [])].find(([, apps]) => apps.size > 0) ?? [];
  if (!group) throw new Error("The TruGrid simulator has no application association.");
  return trugridDomain()?.userGroups.get(group)?.name ?? group;
};

let truu: BulkHarness<TruuSim> | undefined;
/** A TruU user with devices, as TruU holds them. */
const truuUser = () => {
  const user = truu?.sim.state.users.find((u) => u.devices.length > 0);
  if (!user) throw new Error("The TruU simulator has no user with a device.");
  return user;
};
const truuDevice = (item: Item) => truu?.sim.state.devices.find((d) => d.deviceId === item.deviceId) ?? null;
let twingate: BulkHarness<TwingateSim> | undefined;
type SimDevice = { id: string; activeState: string; isTrusted: boolean };
const twingateDevices = () => [...(twingate?.sim.state.devices.values() ?? [])] as SimDevice[];
/** A device in the state the change starts from (the small simulator seeds blocked and archived ones). */
const twingateDevice = (pick: (d: SimDevice) => boolean): Item => {
  const device = twingateDevices().find(pick);
  if (!device) throw new Error("The Twingate simulator has no device to try this on.");
  return { deviceId: device.id };
};
const twingateDeviceState = (item: Item) => {
  const device = twingateDevices().find((d) => d.id === item.deviceId);
  return device && { activeState: device.activeState, isTrusted: device.isTrusted };
};
/** A device in the state a verb changes, named on a sheet's row by its id. */
const twingateDeviceProbe = (pick: (d: SimDevice) => boolean): Probe => ({
  item: () => twingateDevice(pick),
  row: () => ({ device: twingateDevice(pick).deviceId }),
  state: twingateDeviceState,
});

type SimUser = { id: string; email: string; state: string; role: string; firstName: string; lastName: string };
const twingateUsers = () => [...(twingate?.sim.state.users.values() ?? [])] as SimUser[];
/** A user the change changes, and the value it sets, named on a sheet's row by email. */
const twingateUserProbe = (pick: (u: SimUser) => boolean, field: "state" | "role", to: string, cell: string): Probe => {
  const user = () => {
    const found = twingateUsers().find(pick);
    if (!found) throw new Error("The Twingate simulator has no user to try this on.");
    return found;
  };
  return {
    item: () => ({ userId: user().id, [field]: to }),
    row: () => ({ email: user().email, [field]: cell }),
    state: (item) => {
      const u = twingateUsers().find((x) => x.id === item.userId);
      return u && { state: u.state, role: u.role };
    },
  };
};

/** The network admin's objects at Twingate (networks, resources, service accounts, …), by name or the first. */
type SimObjects =
  | "remoteNetworks"
  | "connectors"
  | "securityPolicies"
  | "resources"
  | "serviceAccounts"
  | "serviceAccountKeys";
const twingateObject = (rows: SimObjects, name?: string) => {
  const all = [...(twingate?.sim.state[rows].values() ?? [])] as { id: string; name: string }[];
  const found = all.find((r) => name === undefined || r.name === name);
  if (!found) throw new Error(`The Twingate simulator has no ${name ?? rows} to try this on.`);
  return found;
};
/** An object as Twingate holds it now (a copy), named by the item's `field`; for a create, by the name it is given. */
const twingateObjectState =
  (rows: SimObjects, field: string, by: "id" | "name" = "id") =>
  (item: Item): unknown => {
    const found = [...(twingate?.sim.state[rows].values() ?? [])].find((r) => r[by] === item[field]);
    // Without updatedAt (an undo puts the values back, not the time they were last written), and a Map or Set in
    // key order (an undo puts back who had access, not the order Twingate's map holds them in).
    const byKey = (a: unknown, b: unknown) =>
      String(Array.isArray(a) ? a[0] : a).localeCompare(String(Array.isArray(b) ? b[0] : b));
    const plain = (k: string, v: unknown) =>
      k === "updatedAt" ? undefined : v instanceof Map || v instanceof Set ? [...v].sort(byKey) : v;
    return found && JSON.parse(JSON.stringify(found, plain));
  };
const twingateGroupOff = (policy: string) =>
  [...(twingate?.sim.state.groups.values() ?? [])].find(
    (g) => g.type !== "SYSTEM" && g.securityPolicyN !== twingateObjectNumber("securityPolicies", policy),
  )?.id;
const twingateObjectNumber = (rows: "securityPolicies", name: string) =>
  [...(twingate?.sim.state[rows].values() ?? [])].find((r) => r.name === name)?.n;
/** A resource the group cannot reach yet, and the group. */
/** An open access request, and which are open: settling one takes it off the list. */
const twingateRequestProbe: Probe = {
  item: () => {
    const [open] = twingate?.sim.state.accessRequests.values() ?? [];
    if (!open) throw new Error("The Twingate simulator has no open access request.");
    return { requestId: open.id };
  },
  state: () => [...(twingate?.sim.state.accessRequests.values() ?? [])].map((x) => x.id),
  once: "changes",
};
const twingateUngranted = () => {
  for (const r of twingate?.sim.state.resources.values() ?? []) {
    const g = [...(twingate?.sim.state.groups.values() ?? [])].find(
      (x) => x.type !== "SYSTEM" && !r.access.has(`Group:${x.n}`),
    );
    if (g) return { r, g };
  }
  throw new Error("The Twingate simulator has no resource a group cannot reach.");
};
const twingateNewGrant = () => {
  const { r, g } = twingateUngranted();
  return { resourceId: r.id, grants: [{ principalId: g.id }] };
};
const twingateResourceFields = () => ({
  name: "Probe Wiki",
  address: "wiki.probe.example",
  remoteNetworkId: twingateObject("remoteNetworks", "Head Office").id,
});
type SimGroup = { id: string; name: string; type: string; everyone: boolean; isActive: boolean; userNs: Set<number> };
const twingateGroups = () => [...(twingate?.sim.state.groups.values() ?? [])];
/** How the item's group reaches each of its resources now (its grant's policy and expiry), or not at all. */
const twingateGroupReach = (item: Item) => {
  const group = twingateGroups().find((g) => g.id === item.groupId);
  return [...(twingate?.sim.state.resources.values() ?? [])]
    .filter((r) => (item.resourceIds as string[]).includes(r.id))
    .map((r) => r.access.get(`Group:${group?.n}`) ?? null);
};
const twingateGroup = () => {
  const group = ([...(twingate?.sim.state.groups.values() ?? [])] as SimGroup[]).find(
    (g) => g.type === "MANUAL" && !g.everyone && g.isActive && g.userNs.size > 0,
  );
  if (!group) throw new Error("The Twingate simulator has no manual group with members.");
  return group;
};
/** A manual group and a user who is (or is not) one of its members, named on a sheet by email and group name. */
const twingateMembership = (member: boolean) => {
  const group = twingateGroup();
  const user = ([...(twingate?.sim.state.users.values() ?? [])] as (SimUser & { n: number })[]).find(
    (u) => group.userNs.has(u.n) === member,
  );
  if (!user) throw new Error("The Twingate simulator has no user to try this on.");
  return { group, user };
};
const twingateMemberProbe = (member: boolean): Probe => ({
  item: () => {
    const { group, user } = twingateMembership(member);
    return { groupId: group.id, userId: user.id };
  },
  row: () => {
    const { group, user } = twingateMembership(member);
    return { email: user.email, group: group.name };
  },
  state: (item) => {
    const group = ([...(twingate?.sim.state.groups.values() ?? [])] as SimGroup[]).find((g) => g.id === item.groupId);
    const user = ([...(twingate?.sim.state.users.values() ?? [])] as (SimUser & { n: number })[]).find(
      (u) => u.id === item.userId,
    );
    return user && group?.userNs.has(user.n);
  },
});

let jumpcloud: BulkHarness<ReturnType<typeof createJumpCloudSim>> | undefined;
const jcOrg = () => jumpcloud?.sim.state.orgs.get(JUMPCLOUD_SIM_ORG_IDS[0]);
const jcUsers = () => [...(jumpcloud?.sim.state.orgs.get(JUMPCLOUD_SIM_ORG_IDS[0])?.users.values() ?? [])];
type JcSimUser = ReturnType<typeof jcUsers>[number];
/** A JumpCloud user with an email the cache knows, picked from the simulator. */
const jcUser = (pick: (u: JcSimUser) => boolean) => {
  const user = jcUsers().find((u) => u.email && pick(u));
  if (!user) throw new Error("The JumpCloud simulator has no user to try this on.");
  return user;
};
const jcUserState = (item: Item) => {
  const u = jcUsers().find((x) => x._id === item.userId);
  return u && { state: u.state, suspended: u.suspended, locked: u.account_locked, expired: u.password_expired };
};
/** A user-level JumpCloud change: the item names the user by id, a sheet by email. */
const jcUserProbe = (pick: (u: JcSimUser) => boolean): Probe => ({
  item: () => ({ userId: jcUser(pick)._id }),
  row: () => ({ email: jcUser(pick).email }),
  state: jcUserState,
});

/** A user group with members and a user with an email who is (or is not) one of them. */
const jcMembership = (member: boolean): Item => {
  const org = jumpcloud?.sim.state.orgs.get(JUMPCLOUD_SIM_ORG_IDS[0]);
  for (const g of org?.userGroups.values() ?? []) {
    const members = org?.members.get(g.id);
    const user = members?.size ? jcUsers().find((u) => u.email && members.has(u._id) === member) : undefined;
    if (user) return { kind: "user_group", groupId: g.id, memberId: user._id, email: user.email, group: g.name };
  }
  throw new Error("The JumpCloud simulator has no user group with members.");
};
const jcMemberProbe = (member: boolean): Probe => ({
  item: () => {
    const { email: _e, group: _g, ...item } = jcMembership(member);
    return item;
  },
  row: () => {
    const { email, group } = jcMembership(member);
    return { email, group };
  },
  state: (item) =>
    jumpcloud?.sim.state.orgs
      .get(JUMPCLOUD_SIM_ORG_IDS[0])
      ?.members.get(String(item.groupId))
      ?.has(String(item.memberId)),
});

/**
 * A system of this OS, confirmed by its name when the command asks, and the
 * commands JumpCloud was sent for it (to its agent or its Apple MDM device).
 */
const jcSystemProbe = (os: string, confirm = false): Probe => {
  const org = () => jumpcloud?.sim.state.orgs.get(JUMPCLOUD_SIM_ORG_IDS[0]);
  const system = () => {
    const s = [...(org()?.systems.values() ?? [])].find((x) => x.os === os && x.serialNumber);
    if (!s) throw new Error(`The JumpCloud simulator has no ${os} system.`);
    return s;
  };
  return {
    item: () => {
      const s = system();
      return { systemId: s._id, ...(confirm ? { confirm: s.displayName || s.hostname } : {}) };
    },
    row: () => ({ system: system()._id }),
    state: (item) => {
      const serial = org()?.systems.get(String(item.systemId))?.serialNumber;
      const devices = [...(org()?.mdms.values() ?? [])].flatMap((m) => [...m.devices.values()]);
      const targets = [
        `system:${item.systemId}`,
        ...devices.filter((d) => d.serialNumber === serial).map((d) => `mdmdevice:${d.id}`),
      ];
      return org()
        ?.commands.filter((c) => targets.includes(c.target))
        .map((c) => c.command);
    },
  };
};

/** A JumpCloud bulk job for one active user, named by id, and that user's state. */
const jcJobProbe = (extra: Item = {}): Probe => ({
  item: () => ({ userIds: [jcUser((u) => u.state === "ACTIVATED")._id], ...extra }),
  state: (item) => jcUserState({ userId: (item.userIds as string[])[0] }),
});
const jcScheduled = () => [
  ...(jumpcloud?.sim.state.orgs.get(JUMPCLOUD_SIM_ORG_IDS[0])?.scheduledStates.values() ?? []),
];
/** A user with an email and a system it is (or is not) bound to directly; a sheet names the system by hostname. */
const jcBinding = (bound: boolean) => {
  const org = jumpcloud?.sim.state.orgs.get(JUMPCLOUD_SIM_ORG_IDS[0]);
  for (const user of jcUsers().filter((u) => u.email)) {
    const edges = org?.associations.get(nodeKey("user", user._id));
    const system = [...(org?.systems.values() ?? [])].find(
      (s) => (edges?.has(nodeKey("system", s._id)) ?? false) === bound,
    );
    if (system) return { user, system };
  }
  throw new Error("The JumpCloud simulator has no user and system to try this on.");
};
const jcBindingProbe = (bound: boolean): Probe => ({
  item: () => {
    const { user, system } = jcBinding(bound);
    return { fromType: "user", fromId: user._id, toType: "system", toId: system._id };
  },
  row: () => {
    const { user, system } = jcBinding(bound);
    return { email: user.email, system: system.hostname };
  },
  state: (item) =>
    jumpcloud?.sim.state.orgs
      .get(JUMPCLOUD_SIM_ORG_IDS[0])
      ?.associations.get(nodeKey("user", String(item.fromId)))
      ?.has(nodeKey("system", String(item.toId))) ?? false,
});

const PROBES: Record<string, Probe> = {
  "trugrid.udp.set_for_domain": {
    item: () => ({ on: !trugridUsers().every((u) => u.udp), confirm: trugridDomainName().toUpperCase() }),
    state: () => trugridUsers().map((u) => u.udp),
    once: "changes",
  },
  "trugrid.machine_association.removed": {
    item: () => ({ upn: trugridAssociation().userUpn, groupName: trugridAssociation().groupName }),
    state: trugridSlot,
  },
  "trugrid.machine_association.cleared": {
    item: () => ({ groups: [trugridGroupToClear()] }),
    row: () => ({ group: trugridGroupToClear() }),
    // Who holds which machine in the group: the clear empties it, its undo sets each back.
    state: (item) =>
      [...(trugridDomain()?.associations.get(lc((item.groups as string[])[0]))?.byUser ?? [])].sort(([a], [b]) =>
        a.localeCompare(b),
      ),
  },
  "trugrid.ad.users_synced": trugridSyncProbe("users"),
  "trugrid.ad.machines_synced": trugridSyncProbe("machines"),
  "trugrid.ad.user_groups_synced": trugridSyncProbe("userGroups"),
  "trugrid.ad.machine_groups_synced": trugridSyncProbe("machineGroups"),
  "trugrid.ad.refreshed": {
    item: () => ({}),
    state: () => trugridDomain()?.lastActiveDirectoryRefresh,
    once: "changes",
  },
  "trugrid.applications.refreshed": {
    item: () => ({}),
    state: () => trugridDomain()?.lastApplicationRefresh,
    once: "changes",
  },
  "trugrid.app_association.cleared": {
    item: () => ({ groups: [trugridAppGroup()] }),
    state: (item) => [...(trugridDomain()?.appAssociations.get(lc((item.groups as string[])[0])) ?? [])],
    once: "changes",
  },
  "trugrid.upn_suffix.added": {
    item: () => ({ name: `partners.${trugridDomainName()}` }),
    state: (item) => trugridDomain()?.upnSuffixes.has(lc(item.name)),
    once: "changes",
  },
  "trugrid.machine_association.reloaded": {
    item: () => ({ groupName: trugridAssociation().groupName }),
    state: (item) => [...(trugridDomain()?.associations.get(lc(item.groupName))?.byUser ?? [])],
    once: "keeps",
  },
  "trugrid.logon_ip.looked_up": {
    item: () => ({ upns: [trugridAssociation().userUpn] }),
    state: () => trugridUsers().map((u) => ({ ...u })),
    once: "keeps",
  },
  "trugrid.allow_list.read": {
    item: () => ({}),
    state: () => [trugridDomain()?.ipWhitelist, trugridDomain()?.externalResources],
    once: "keeps",
  },
  "trugrid.assignment.created": {
    item: () => ({ key: trugridAssociation().userUpn, value: [trugridAssociation().groupName] }),
    row: () => ({ assignee: trugridAssociation().userUpn, resource: trugridAssociation().groupName }),
    state: (item) => [...(trugridDomain()?.assignments.get(String(item.key).toLowerCase())?.targets ?? [])],
  },
  "truu.device.deleted": { item: () => ({ deviceId: truuUser().devices[0]?.deviceId }), state: truuDevice },
  "truu.user.deleted": {
    item: () => ({ guid: truuUser().guid, deviceIds: truuUser().devices.map((d) => d.deviceId) }),
    row: () => ({ user: truuUser().upn }),
    state: (item) => truu?.sim.state.userByGuid(String(item.guid)) ?? null,
  },
  "truu.user.looked_up": {
    item: () => ({ guid: truuUser().guid }),
    state: (item) => structuredClone(truu?.sim.state.userByGuid(String(item.guid)) ?? null),
    once: "keeps",
  },
  "jumpcloud.group.member_added": jcMemberProbe(false),
  "jumpcloud.group.member_removed": jcMemberProbe(true),
  "jumpcloud.user.suspended": jcUserProbe((u) => u.state === "ACTIVATED"),
  "jumpcloud.user.reactivated": jcUserProbe((u) => u.state === "SUSPENDED"),
  "jumpcloud.user.unlocked": jcUserProbe((u) => u.state === "ACTIVATED"),
  "jumpcloud.user.password_expired": jcUserProbe((u) => u.state === "ACTIVATED" && !u.password_expired),
  "jumpcloud.user.mfa_reset": jcUserProbe((u) => u.state === "ACTIVATED"),
  "jumpcloud.system.locked": jcSystemProbe("Windows"),
  "jumpcloud.system.restarted": jcSystemProbe("Windows"),
  "jumpcloud.system.shut_down": jcSystemProbe("Windows"),
  "jumpcloud.system.erased": jcSystemProbe("Windows", true),
  "jumpcloud.mdm_device.locked": jcSystemProbe("Mac OS X"),
  "jumpcloud.mdm_device.restarted": jcSystemProbe("Mac OS X"),
  "jumpcloud.mdm_device.activation_lock_refreshed": jcSystemProbe("Mac OS X"),
  "jumpcloud.mdm_device.os_update_status_requested": jcSystemProbe("Mac OS X"),
  "jumpcloud.mdm_device.shut_down": jcSystemProbe("Mac OS X"),
  "jumpcloud.mdm_device.erased": jcSystemProbe("Mac OS X", true),
  "jumpcloud.mdm_device.activation_lock_cleared": jcSystemProbe("Mac OS X"),
  "jumpcloud.mdm_device.os_update_scheduled": {
    ...jcSystemProbe("Mac OS X"),
    item: (h) => ({
      ...jcSystemProbe("Mac OS X").item(h),
      productKey: "macOS 15.2",
      installAction: "INSTALL_LATER",
      maxUserDeferrals: "3",
    }),
    once: "changes",
  },
  "jumpcloud.mdm.dep_devices_refreshed": {
    item: () => ({}),
    state: () =>
      jumpcloud?.sim.state.orgs
        .get(JUMPCLOUD_SIM_ORG_IDS[0])
        ?.commands.filter((c) => c.target.startsWith("applemdm:"))
        .map((c) => c.command),
    once: "changes",
  },
  "jumpcloud.bulk.users_unlocked": jcJobProbe(),
  "jumpcloud.bulk.passwords_expired": jcJobProbe(),
  // A suspension far ahead, so nothing runs before the undo cancels it: the user's scheduled changes at JumpCloud.
  "jumpcloud.bulk.states_scheduled": {
    item: () => ({
      emails: jcUser((u) => u.state === "ACTIVATED").email,
      state: "SUSPENDED",
      startDate: "2031-01-15T09:30:00.000Z",
    }),
    state: (item) =>
      jcScheduled().filter((s) => s.systemUserId === jcUsers().find((u) => u.email === item.emails)?._id),
  },
  "jumpcloud.bulk.states_cancelled": {
    // One scheduled far ahead, put straight into the simulator's state when there is none (as JumpCloud's bulk
    // state route would record it), so that the probe stands on its own.
    item: () => {
      const org = jumpcloud?.sim.state.orgs.get(JUMPCLOUD_SIM_ORG_IDS[0]);
      const [scheduled] = jcScheduled();
      if (scheduled) return { scheduledJobId: scheduled.scheduledJobId };
      if (!org) throw new Error("The JumpCloud simulator has no organisation.");
      const made = {
        scheduledJobId: jumpcloud?.sim.state.ids.next() ?? "",
        systemUserId: jcUser((u) => u.state === "ACTIVATED")._id,
        state: "SUSPENDED" as const,
        scheduledDate: "2031-01-15T09:30:00.000Z",
        sendActivationEmails: false,
      };
      org.scheduledStates.set(made.scheduledJobId, made);
      return { scheduledJobId: made.scheduledJobId };
    },
    state: (item) => jcScheduled().some((s) => s.scheduledJobId === item.scheduledJobId),
  },
  "jumpcloud.bulk.users_created": {
    item: () => ({ users: "email,username\nprobe.new@northwind.example,probenew" }),
    state: () => jcUsers().some((u) => u.email === "probe.new@northwind.example"),
  },
  "jumpcloud.bulk.users_updated": {
    item: () => ({ updates: `email,department\n${jcUser((u) => u.state === "ACTIVATED").email},Probe Department` }),
    // The department JumpCloud will hold once its waiting update jobs have run (a job runs when its results are read).
    state: (item) => {
      const org = jumpcloud?.sim.state.orgs.get(JUMPCLOUD_SIM_ORG_IDS[0]);
      const email = String(item.updates).split("\n")[1]?.split(",")[0];
      const user = jcUsers().find((u) => u.email === email);
      let department = user?.department;
      for (const job of org?.bulkJobs.values() ?? []) {
        if (job.kind !== "update" || job.done) continue;
        for (const it of job.items)
          if (it.id === user?._id && typeof it.department === "string") department = it.department;
      }
      return department;
    },
  },
  "jumpcloud.user.activated": jcUserProbe((u) => u.state === "STAGED"),
  "jumpcloud.user.deleted": jcUserProbe((u) => u.state === "SUSPENDED"),
  "jumpcloud.user.password_set": {
    item: () => ({ userId: jcUser((u) => u.state === "ACTIVATED")._id, password: "Probe-Pass-2026", mustChange: true }),
    state: (item) => {
      const org = jumpcloud?.sim.state.orgs.get(JUMPCLOUD_SIM_ORG_IDS[0]);
      const u = org?.users.get(String(item.userId));
      return { digest: org?.passwords.get(String(item.userId)) ?? null, expired: u?.password_expired };
    },
    once: "changes",
  },
  "jumpcloud.user.created": {
    // Someone JumpCloud does not have yet.
    item: () => ({ username: "catalogue.probe", email: "catalogue.probe@northwind.example" }),
    state: (item) => jcUsers().find((u) => u.username === item.username) ?? null,
  },
  "jumpcloud.association.added": jcBindingProbe(false),
  "jumpcloud.association.removed": jcBindingProbe(true),
  "jumpcloud.group.created": {
    item: () => ({ kind: "user_group", name: "Catalogue probe group", description: "" }),
    state: (item) =>
      [...(jumpcloud?.sim.state.orgs.get(JUMPCLOUD_SIM_ORG_IDS[0])?.userGroups.values() ?? [])].find(
        (g) => g.name === item.name,
      ) ?? null,
  },
  "jumpcloud.group.updated": {
    item: () => {
      const g = [...(jcOrg()?.systemGroups.values() ?? [])][0]!;
      return { kind: "system_group", groupId: g.id, name: `${g.name} (probe)`, description: "Renamed by a probe" };
    },
    state: (item) => {
      const g = jcOrg()?.systemGroups.get(item.groupId as string);
      return g && { name: g.name, description: g.description ?? "" };
    },
  },
  "jumpcloud.group.deleted": {
    item: () => ({ kind: "system_group", groupId: [...(jcOrg()?.systemGroups.values() ?? [])].at(-1)!.id }),
    state: (item) => jcOrg()?.systemGroups.get(item.groupId as string)?.name ?? null,
    once: "changes",
  },
  "jumpcloud.user.updated": {
    // A user with a job title, so that the undo sends a value back (not an empty one where there was none).
    item: () => ({ userId: jcUser((u) => Boolean(u.jobTitle))._id, jobTitle: "Catalogue probe title" }),
    row: () => ({ email: jcUser((u) => Boolean(u.jobTitle)).email, jobTitle: "Catalogue probe title" }),
    state: (item) => jcUsers().find((x) => x._id === item.userId)?.jobTitle,
  },
  "trugrid.machine_association.set": { item: trugridReassociation, row: trugridAssociation, state: trugridSlot },
  "trugrid.mfa.turned_on": { item: () => trugridUser((u) => !u.mfaEnabled), state: trugridState },
  "trugrid.mfa.turned_off": { item: () => trugridUser((u) => u.mfaEnabled && u.mfaEnrolled), state: trugridState },
  "trugrid.mfa.reset": {
    item: () => ({ ...trugridUser((u) => u.mfaEnabled && u.mfaEnrolled), resetPhone: false }),
    // A sheet says it in words.
    row: () => ({ ...trugridUser((u) => u.mfaEnabled && u.mfaEnrolled), resetPhone: "false" }),
    state: trugridState,
  },
  "trugrid.udp.enabled": { item: () => trugridUser((u) => !u.udp), state: trugridState },
  "trugrid.udp.disabled": { item: () => trugridUser((u) => u.udp), state: trugridState },
  "twingate.user.state_changed": twingateUserProbe(
    (u) => u.state === "ACTIVE" && u.role !== "ADMIN",
    "state",
    "DISABLED",
    "disabled",
  ),
  "twingate.user.role_changed": twingateUserProbe((u) => u.role === "MEMBER", "role", "SUPPORT", "Support"),
  "twingate.user.renamed": (() => {
    const user = () => twingateUsers().find((u) => u.role === "MEMBER" && u.firstName !== "Probe")!;
    return {
      item: () => ({ userId: user().id, firstName: "Probe", lastName: "Person" }),
      row: () => ({ email: user().email, firstName: "Probe", lastName: "Person" }),
      state: (item: Item) => {
        const u = twingateUsers().find((x) => x.id === item.userId);
        return u && { firstName: u.firstName, lastName: u.lastName };
      },
    };
  })(),
  "twingate.remote_network.created": {
    item: () => ({ name: "Probe Network", location: "AWS" }),
    state: twingateObjectState("remoteNetworks", "name", "name"),
  },
  "twingate.remote_network.updated": {
    item: () => ({ remoteNetworkId: twingateObject("remoteNetworks", "Lab").id, name: "Lab 2", location: "AWS" }),
    state: twingateObjectState("remoteNetworks", "remoteNetworkId"),
  },
  "twingate.remote_network.deleted": {
    item: () => ({ remoteNetworkId: twingateObject("remoteNetworks", "Lab").id }),
    state: twingateObjectState("remoteNetworks", "remoteNetworkId"),
  },
  "twingate.connector.created": {
    item: () => ({ remoteNetworkId: twingateObject("remoteNetworks", "Head Office").id, name: "probe-new-connector" }),
    state: twingateObjectState("connectors", "name", "name"),
  },
  // Twingate keeps no record of the tokens it issued: the connector stays as it was.
  "twingate.connector.tokens_generated": {
    item: () => ({ connectorId: twingateObject("connectors").id }),
    state: twingateObjectState("connectors", "connectorId"),
    once: "keeps",
  },
  "twingate.connector.deleted": {
    // The last connector (the first is the one the other probes edit).
    item: () => ({ connectorId: [...(twingate?.sim.state.connectors.values() ?? [])].at(-1)?.id ?? "" }),
    state: twingateObjectState("connectors", "connectorId"),
    once: "changes",
  },
  "twingate.connector.updated": {
    item: () => ({ connectorId: twingateObject("connectors").id, name: "probe-connector" }),
    state: twingateObjectState("connectors", "connectorId"),
  },
  "twingate.security_policy.groups_changed": {
    item: () => ({
      securityPolicyId: twingateObject("securityPolicies", "Require MFA").id,
      addedGroupIds: [twingateGroupOff("Require MFA")],
    }),
    state: (item) => {
      const id = (item.addedGroupIds as string[])[0];
      return [...(twingate?.sim.state.groups.values() ?? [])].find((g) => g.id === id)?.securityPolicyN;
    },
  },
  "twingate.resource.created": {
    item: twingateResourceFields,
    state: twingateObjectState("resources", "name", "name"),
  },
  "twingate.resource.updated": {
    // No resource policy: the undo must put the resource back exactly, and Twingate cannot unset one once set.
    item: () => ({ ...twingateResourceFields(), resourceId: twingateObject("resources", "Intranet").id }),
    state: twingateObjectState("resources", "resourceId"),
  },
  "twingate.resource.deleted": {
    item: () => ({ resourceId: twingateObject("resources", "Payroll").id }),
    state: twingateObjectState("resources", "resourceId"),
    once: "changes",
  },
  "twingate.resource.access_added": {
    item: twingateNewGrant,
    row: () => {
      const { r, g } = twingateUngranted();
      return { resource: r.name, principal: g.name };
    },
    state: twingateObjectState("resources", "resourceId"),
  },
  "twingate.resource.access_set": { item: twingateNewGrant, state: twingateObjectState("resources", "resourceId") },
  "twingate.resource.access_removed": {
    item: () => {
      const r = twingateObject("resources", "Intranet") as { id: string; access?: Map<string, unknown> };
      // The simulator keys access by "Group:<n>"; Twingate's ids are those keys in base64.
      const keys = [...(r.access?.keys() ?? [])].slice(0, 1);
      return { resourceId: r.id, principalIds: keys.map((k) => Buffer.from(k).toString("base64")) };
    },
    row: () => {
      const r = twingateObject("resources", "Intranet") as unknown as { name: string; access: Map<string, unknown> };
      const [key] = [...r.access.keys()];
      const g = [...(twingate?.sim.state.groups.values() ?? [])].find((x) => `Group:${x.n}` === key);
      return { resource: r.name, principal: g?.name ?? "" };
    },
    state: twingateObjectState("resources", "resourceId"),
  },
  "twingate.service_account.created": {
    item: () => ({ name: "Probe Robot" }),
    state: twingateObjectState("serviceAccounts", "name", "name"),
  },
  "twingate.service_account.renamed": {
    item: () => ({ serviceAccountId: twingateObject("serviceAccounts").id, name: "Probe Robot 2" }),
    state: twingateObjectState("serviceAccounts", "serviceAccountId"),
  },
  "twingate.service_account.deleted": {
    item: () => ({ serviceAccountId: twingateObject("serviceAccounts").id }),
    state: twingateObjectState("serviceAccounts", "serviceAccountId"),
  },
  "twingate.service_account_key.created": {
    item: () => ({ serviceAccountId: twingateObject("serviceAccounts").id, name: "probe-key", expirationDays: 30 }),
    // The keys of that name that work: its undo revokes the one it made.
    state: (item) =>
      [...(twingate?.sim.state.serviceAccountKeys.values() ?? [])].filter((k) => k.name === item.name && !k.revokedAt),
  },
  "twingate.service_account_key.renamed": {
    item: () => ({ keyId: twingateObject("serviceAccountKeys").id, name: "probe-key-2" }),
    state: twingateObjectState("serviceAccountKeys", "keyId"),
  },
  "twingate.service_account_key.revoked": {
    item: () => ({ keyId: twingateObject("serviceAccountKeys").id }),
    state: twingateObjectState("serviceAccountKeys", "keyId"),
  },
  "twingate.service_account_key.deleted": {
    // Twingate deletes only a revoked or expired key.
    item: () => {
      const keys = [...(twingate?.sim.state.serviceAccountKeys.values() ?? [])];
      const done = keys.find((k) => twingate?.sim.state.keyStatus(k) !== "ACTIVE") ?? keys[0];
      return { keyId: done?.id };
    },
    state: twingateObjectState("serviceAccountKeys", "keyId"),
  },
  "twingate.group.members_added": twingateMemberProbe(false),
  "twingate.group.members_removed": twingateMemberProbe(true),
  "twingate.access_request.approved": twingateRequestProbe,
  "twingate.access_request.rejected": twingateRequestProbe,
  "twingate.user.created": {
    item: () => ({ email: "catalogue.probe@northwind.example", role: "MEMBER" }),
    state: (item) => twingateUsers().find((u) => u.email === item.email) ?? null,
  },
  "twingate.user.deleted": {
    item: () => ({ userId: twingateMembership(true).user.id }),
    row: () => ({ email: twingateMembership(true).user.email }),
    state: (item) => twingateUsers().find((u) => u.id === item.userId) ?? null,
  },
  "twingate.group.created": {
    item: () => ({ name: "Catalogue probe group" }),
    state: (item) => twingateGroups().find((g) => g.name === item.name) ?? null,
  },
  "twingate.group.updated": {
    item: () => ({ groupId: twingateGroup().id, name: "Catalogue probe group (renamed)", isActive: true }),
    state: (item) => twingateGroups().find((g) => g.id === item.groupId)?.name,
  },
  "twingate.group.deleted": {
    item: () => ({ groupId: twingateGroup().id }),
    state: (item) => twingateGroups().some((g) => g.id === item.groupId),
  },
  "twingate.group.resources_added": {
    item: () => {
      const grant = twingateNewGrant();
      return { groupId: grant.grants[0]?.principalId, resourceIds: [grant.resourceId] };
    },
    state: twingateGroupReach,
  },
  "twingate.group.resources_removed": {
    item: () => {
      for (const r of twingate?.sim.state.resources.values() ?? []) {
        // The simulator keys a resource's access by principal type and number.
        const g = twingateGroups().find((x) => x.type !== "SYSTEM" && r.access.has(`Group:${x.n}`));
        if (g) return { groupId: g.id, resourceIds: [r.id] };
      }
      throw new Error("The Twingate simulator has no resource a group can reach.");
    },
    state: twingateGroupReach,
  },
  "twingate.group.policy_changed": {
    item: () => ({
      groupId: twingateGroupOff("Require MFA"),
      securityPolicyId: twingateObject("securityPolicies", "Require MFA").id,
    }),
    state: (item) => twingateGroups().find((g) => g.id === item.groupId)?.securityPolicyN,
  },
  "twingate.device.blocked": twingateDeviceProbe((d) => d.activeState === "ACTIVE"),
  "twingate.device.unblocked": twingateDeviceProbe((d) => d.activeState === "BLOCKED"),
  "twingate.device.archived": twingateDeviceProbe((d) => d.activeState === "ACTIVE"),
  "twingate.device.unarchived": twingateDeviceProbe((d) => d.activeState === "ARCHIVED"),
  "twingate.device.trusted": twingateDeviceProbe((d) => d.activeState === "ACTIVE" && !d.isTrusted),
  "twingate.device.untrusted": twingateDeviceProbe((d) => d.activeState === "ACTIVE" && d.isTrusted),
};

const harnesses: Partial<Record<VendorId, Harness>> = {};
const actions = new Map<string, { at: string; def: ActionDef<z.ZodType> }[]>();

beforeAll(async () => {
  for (const file of serverModules()) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      const def = actionDefOf(value);
      if (def) actions.set(def.name, [...(actions.get(def.name) ?? []), { at: `${file}#${name}`, def }]);
    }
  }
  const vendors = new Set(OPERATIONS.map((op) => op.vendor));
  if (vendors.has("trugrid")) {
    trugrid = await trugridBulkHarness("admin");
    const staff = await loadStaff(trugrid.h.t.db, trugrid.staffId);
    if (!staff) throw new Error("no staff");
    harnesses.trugrid = { db: trugrid.h.t.db, tenantId: trugrid.h.tenantId, staff };
    process.env.DATABASE_URL = trugrid.h.t.url;
  }
  if (vendors.has("truu")) {
    truu = await truuBulkHarness("admin");
    const staff = await loadStaff(truu.h.t.db, truu.staffId);
    if (!staff) throw new Error("no staff");
    harnesses.truu = { db: truu.h.t.db, tenantId: truu.h.tenantId, staff };
  }
  if (vendors.has("twingate")) {
    // Into the same database as any other vendor's: the server actions reach one database (DATABASE_URL).
    twingate = await twingateBulkHarness("admin", trugrid?.h.t);
    const staff = await loadStaff(twingate.h.t.db, twingate.staffId);
    if (!staff) throw new Error("no staff");
    harnesses.twingate = { db: twingate.h.t.db, tenantId: twingate.h.tenantId, staff };
    if (!trugrid) process.env.DATABASE_URL = twingate.h.t.url;
    // The small simulator's seed may hold no blocked device: block one at Twingate and sync it, to unblock.
    const active = twingateDevices().filter((d) => d.activeState === "ACTIVE");
    const last = active.at(-1);
    if (last && active.length > 2 && !twingateDevices().some((d) => d.activeState === "BLOCKED")) {
      last.activeState = "BLOCKED";
      expect((await twingate.h.run()).status).toBe("succeeded");
    }
  }
  if (vendors.has("jumpcloud")) {
    jumpcloud = await jumpcloudBulkHarness("admin");
    const staff = await loadStaff(jumpcloud.h.t.db, jumpcloud.staffId);
    if (!staff) throw new Error("no staff");
    harnesses.jumpcloud = { db: jumpcloud.h.t.db, tenantId: jumpcloud.h.tenantId, staff };
    process.env.DATABASE_URL ??= jumpcloud.h.t.url;
  }
}, 300_000);

afterAll(async () => {
  // The database's owner last.
  await twingate?.close();
  await trugrid?.close();
  await truu?.close();
  await jumpcloud?.close();
});

const harnessOf = (op: AnyOperation) => {
  const h = harnesses[op.vendor];
  if (!h) throw new Error(`No ${op.vendor} simulator harness in this test: add one.`);
  actAs(h.staff);
  // Each vendor's harness has its own database: the actions' db() is the one of the operation's vendor.
  (globalThis as { consoleDb?: Db }).consoleDb = h.db;
  return h;
};

const probeOf = (op: AnyOperation) => {
  const probe = PROBES[op.id];
  if (!probe) throw new Error(`No probe for ${op.id}: add one to PROBES.`);
  return probe;
};

/** Its probe's item, sent once through its page action: the vendor's state of it before, and the answer. */
async function fromPage(op: AnyOperation) {
  const h = harnessOf(op);
  const probe = probeOf(op);
  const item = probe.item(h);
  const before = structuredClone(probe.state(item));
  // Every Twingate probe writes within the same minute, over Twingate's 20 a minute.
  await nextPacerMinute(h.db);
  const done = await actionOf(op)(actionInputOf(op, h.tenantId, [item]) as never);
  expect(done, JSON.stringify(done)).toMatchObject({ ok: true });
  return { h, probe, item, before, done };
}

describe.each(OPERATIONS.map((op) => [op.id, op] as const))("%s", (id, op) => {
  it.runIf(!offers(op, "page"))("has no server action, and is offered on a sheet or as a runbook's step", () => {
    expect(actions.get(id) ?? [], "a non-page operation has no export in a 'use server' module").toHaveLength(0);
    expect(offers(op, "csv") || offers(op, "runbook"), "offered somewhere").toBe(true);
    if (offers(op, "runbook")) expect(OFFBOARDING_STEPS.some((s) => s.op === toBulkOperation(op))).toBe(true);
    expect(BULK_OPERATIONS.map((b) => b.id).includes(toBulkOperation(op).id)).toBe(offers(op, "csv"));
    expect(Object.hasOwn(PERMISSIONS, op.perm)).toBe(true);
  });

  it.runIf(offers(op, "page"))(
    "has exactly one server action, with the operation's permission and a tenant rule",
    () => {
      const found = actions.get(id) ?? [];
      expect(
        found.map((f) => f.at),
        "one export in a 'use server' module",
      ).toHaveLength(1);
      expect(found[0]?.def.perm).toBe(op.perm);
      expect(typeof found[0]?.def.tenant).toBe("function");
      expect(Object.hasOwn(PERMISSIONS, op.perm)).toBe(true);
    },
  );

  it("is an audit action the log accepts, named as it is now", () => {
    const event = AuditEventInput.safeParse({ action: id, actor: null, outcome: "success" });
    expect(event.error).toBeUndefined();
    expect(currentActionName(id)).toBe(id);
  });

  it("is undoable exactly when reversible, or says why not", () => {
    if (op.risk === "reversible") {
      expect(op.inverse, "a reversible operation declares its inverse").toBeDefined();
      expect(operationById(op.inverse?.op ?? "")).toBeDefined();
      expect(INVERSES[id]?.label).toBe(op.inverse?.label);
    } else {
      expect(op.inverse).toBeUndefined();
      if (op.risk !== "read") expect(op.irreversible, "why no undo reverses it").toMatch(/\w/);
    }
  });

  it("has a probe: an item in the simulator that its page action takes", () => {
    const h = harnessOf(op);
    const input = actionInputOf(op, h.tenantId, [probeOf(op).item(h)]);
    expect(actionSchema(op).safeParse(input).error).toBeUndefined();
  });

  it.runIf(op.csv)("is offered in bulk, and a row the synced cache knows plans without error", async () => {
    const bulk = toBulkOperation(op);
    expect(bulkOperation(bulk.id)).toBe(bulk);
    const h = harnessOf(op);
    const probe = probeOf(op);
    const row = probe.row ? probe.row() : probe.item(h);
    const [plan] = await bulk.plan(h.db, h.tenantId, [bulk.row.parse(row)]);
    expect(plan?.error).toBeUndefined();
    expect(["create", "update", "no_change"]).toContain(plan?.plan);
  });

  it.runIf(PROBES[id]?.once)("its page action reaches the vendor (a read changes nothing there)", async () => {
    const { probe, item, before } = await fromPage(op);
    if (probe.once === "keeps") expect(probe.state(item)).toEqual(before);
    else expect(probe.state(item), "the change reached the vendor").not.toEqual(before);
  });

  it.runIf(op.risk === "reversible" && offers(op, "page"))(
    "changes the vendor from its page action, and its undo puts it back",
    async () => {
      const { h, probe, item, before, done } = await fromPage(op);
      expect(probe.state(item), "the change reached the vendor").not.toEqual(before);
      const eventId = done.ok ? done.eventId : undefined;
      const undone = await undoEvent(h.db, h.staff, eventId ?? "", INVERSES);
      expect(undone, JSON.stringify(undone)).toMatchObject({ ok: true });
      expect(probe.state(item)).toEqual(before);
    },
  );
});

describe("an item typed in another case", () => {
  it("is sent and cached as the cache spells it (the id the next sync reads back)", async () => {
    const op = operationById("trugrid.machine_association.set");
    if (!op) throw new Error("no association operation");
    const h = harnessOf(op);
    const item = trugridReassociation();
    const shouted = {
      ...item,
      userUpn: String(item.userUpn).toUpperCase(),
      groupName: String(item.groupName).toUpperCase(),
    };
    const done = await actionOf(op)(actionInputOf(op, h.tenantId, [shouted]) as never);
    expect(done, JSON.stringify(done)).toMatchObject({ ok: true });
    const edge = await h.db.vendorEdge.findFirst({
      where: {
        tenantId: h.tenantId,
        vendor: "trugrid",
        kind: "machine_association",
        deletedAt: null,
        fromId: { equals: String(item.userUpn), mode: "insensitive" },
        toId: { equals: String(item.groupName), mode: "insensitive" },
      },
      select: { fromId: true, toId: true },
    });
    const cachedUser = await h.db.trugridUser.findFirst({
      where: { tenantId: h.tenantId, emailNorm: String(item.userUpn).toLowerCase() },
      select: { upn: true },
    });
    expect(edge?.fromId).toBe(cachedUser?.upn);
    expect(edge?.toId).not.toBe(shouted.groupName);
  });
});

describe("a domain-wide operation", () => {
  const lastEvent = (h: Harness, action: string) =>
    h.db.auditEvent.findFirstOrThrow({ where: { tenantId: h.tenantId, action }, orderBy: { seq: "desc" } });

  it("is refused unless the domain's name is typed, in the page's words, naming the tenant", async () => {
    const op = operationById("trugrid.machine_association.cleared");
    if (!op) throw new Error("no clear operation");
    const h = harnessOf(op);
    const done = await actionOf(op)({ tenantId: h.tenantId, groups: [], confirm: "not the domain" } as never);
    const error = `Type the domain name (${trugridDomainName()}) to clear every machine group's associations.`;
    expect(done).toEqual({ ok: false, error });
    expect(await lastEvent(h, op.id)).toMatchObject({
      outcome: "failure",
      targets: [{ type: "trugrid_domain", id: h.tenantId }],
    });
    expect([...(trugridDomain()?.associations.values() ?? [])].some((g) => g.byUser.size > 0)).toBe(true);
  });

  it("names the tenant before the call and the domain once it is known", async () => {
    const op = operationById("trugrid.udp.set_for_domain");
    if (!op) throw new Error("no domain UDP operation");
    const h = harnessOf(op);
    const input = { tenantId: h.tenantId, on: !trugridUsers().every((u) => u.udp), confirm: trugridDomainName() };
    const done = await actionOf(op)(input as never);
    expect(done, JSON.stringify(done)).toMatchObject({ ok: true });
    const outcome = await lastEvent(h, op.id);
    const intent = await h.db.auditEvent.findUniqueOrThrow({ where: { id: outcome.correlationId ?? "" } });
    expect(intent.targets).toEqual([{ type: "trugrid_domain", id: h.tenantId }]);
    expect(outcome.targets).toEqual([{ type: "trugrid_domain", id: trugridDomainName() }]);
  });
});
