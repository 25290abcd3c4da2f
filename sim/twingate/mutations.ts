import { randomBytes } from "node:crypto";
import { TWINGATE_ERRORS as E } from "./errors";
import { idNumber, idType, type NodeType } from "./ids";
import type { AccessRow, GroupRow, Protocols, RemoteNetworkLocation, ResourceRow, UserRole } from "./records";
import type { ResolverMap } from "./schema";
import type { TwingateState } from "./state";

type Ids = (string | null)[] | null | undefined;
interface AccessInput {
  principalId: string;
  securityPolicyId?: string | null;
  expiresAt?: string | null;
  usageBasedAutolockDurationDays?: number | null;
}

class Failure extends Error {}
const fail = (message: string): never => {
  throw new Failure(message);
};
const ok = (entity: unknown = null) => ({ ok: true, error: null, entity });

const LABEL: Record<NodeType, string> = {
  User: "User",
  Device: "Device",
  Group: "Group",
  Resource: "Resource",
  RemoteNetwork: "Remote Network",
  SecurityPolicy: "Security Policy",
  ServiceAccount: "Service Account",
  ServiceAccountKey: "Service Key",
  Connector: "Connector",
  AccessRequest: "Access Request",
};

/** Every mutation: validation or business failure becomes {ok:false, error}, never a GraphQL error. */
export function mutationResolvers(s: TwingateState): ResolverMap {
  const find = <T>(rows: Map<number, T>, type: NodeType, id: string | null | undefined): T =>
    rows.get(idNumber(id, type) ?? -1) ?? fail(E.notFound(LABEL[type], String(id)));
  const numbers = <T>(rows: Map<number, T>, type: NodeType, ids: Ids): number[] =>
    (ids ?? [])
      .filter((id): id is string => !!id)
      .map((id) => {
        find(rows, type, id);
        return idNumber(id, type)!;
      });
  const touch = <T extends { updatedAt: string }>(row: T): T => {
    row.updatedAt = s.now();
    return row;
  };
  const name = (v: string | null | undefined): string | undefined => {
    if (v === undefined || v === null) return undefined;
    return v.trim() ? v.trim() : fail(E.blankName);
  };
  const protocols = (p: Protocols | null | undefined): Protocols | undefined => {
    if (!p) return undefined;
    for (const proto of [p.tcp, p.udp])
      for (const r of proto.ports) if (r.start < 1 || r.end > 65535 || r.start > r.end) fail(E.badPortRange);
    return p;
  };
  const checkConnectorName = (remoteNetworkN: number, candidate: string, selfN?: number) => {
    for (const c of s.connectors.values())
      if (c.remoteNetworkN === remoteNetworkN && c.name === candidate && c.n !== selfN)
        fail(E.duplicateConnectorName(candidate));
  };
  const editableGroup = (id: string): GroupRow => {
    const g = find(s.groups, "Group", id);
    return g.type === "SYSTEM" ? fail(E.systemGroup) : g;
  };
  const grant = (r: ResourceRow, principal: string, policyN: number | null) => {
    const prev = r.access.get(principal);
    r.access.set(
      principal,
      prev
        ? { ...prev, securityPolicyN: policyN ?? prev.securityPolicyN }
        : { principal, securityPolicyN: policyN, expiresAt: null, usageBasedAutolockDurationDays: null },
    );
  };
  /** Omitted fields keep the current value, explicit null clears it (AccessInput semantics). */
  /** resourceIds replaces a principal's resources; addedResourceIds and removedResourceIds adjust them. */
  const changeResources = (key: string, a: { resourceIds?: Ids; addedResourceIds?: Ids; removedResourceIds?: Ids }) => {
    if (a.resourceIds) {
      const keep = new Set(numbers(s.resources, "Resource", a.resourceIds));
      for (const r of s.resources.values()) if (!keep.has(r.n)) r.access.delete(key);
      for (const n of keep) grant(s.resources.get(n)!, key, null);
    }
    for (const n of numbers(s.resources, "Resource", a.addedResourceIds)) grant(s.resources.get(n)!, key, null);
    for (const n of numbers(s.resources, "Resource", a.removedResourceIds)) s.resources.get(n)!.access.delete(key);
  };
  const accessRow = (r: ResourceRow, input: AccessInput): [string, AccessRow] => {
    const type = idType(input.principalId);
    let key: string;
    if (type === "Group") key = `Group:${find(s.groups, "Group", input.principalId).n}`;
    else if (type === "ServiceAccount") {
      key = `ServiceAccount:${find(s.serviceAccounts, "ServiceAccount", input.principalId).n}`;
      if (input.securityPolicyId || input.expiresAt) fail(E.serviceAccountPolicy);
    } else return fail(E.notFound("Principal", input.principalId));
    const prev = r.access.get(key);
    const policyN =
      "securityPolicyId" in input
        ? input.securityPolicyId
          ? find(s.securityPolicies, "SecurityPolicy", input.securityPolicyId).n
          : null
        : (prev?.securityPolicyN ?? null);
    return [
      key,
      {
        principal: key,
        securityPolicyN: policyN,
        expiresAt: "expiresAt" in input ? (input.expiresAt ?? null) : (prev?.expiresAt ?? null),
        usageBasedAutolockDurationDays:
          "usageBasedAutolockDurationDays" in input
            ? (input.usageBasedAutolockDurationDays ?? null)
            : (prev?.usageBasedAutolockDurationDays ?? null),
      },
    ];
  };
  const principalKey = (id: string): string => {
    const type = idType(id);
    if (type === "Group") return `Group:${find(s.groups, "Group", id).n}`;
    if (type === "ServiceAccount") return `ServiceAccount:${find(s.serviceAccounts, "ServiceAccount", id).n}`;
    return fail(E.notFound("Principal", id));
  };
  const deviceState =
    (to: "ACTIVE" | "ARCHIVED" | "BLOCKED", from?: "ARCHIVED" | "BLOCKED") => (_: unknown, a: { id: string }) => {
      const d = find(s.devices, "Device", a.id);
      if (!from || d.activeState === from) d.activeState = to;
      return ok(d);
    };

  // GraphQL checks the args against the SDL before a resolver runs, so each mutation below declares its own arg type.
  // biome-ignore lint/suspicious/noExplicitAny: each mutation declares its own, SDL-checked arg type
  const m: Record<string, (args: any) => unknown> = {
    userCreate: (a: {
      email: string;
      firstName?: string | null;
      lastName?: string | null;
      role?: UserRole | null;
      shouldSendInvite?: boolean | null;
    }) => {
      const email = a.email.trim().toLowerCase();
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) fail(`Enter a valid email address: ${a.email}`);
      for (const u of s.users.values()) if (u.email === email) fail(E.duplicateEmail(email));
      const { n, id } = s.nextId("User");
      const now = s.now();
      const user = {
        n,
        id,
        createdAt: now,
        updatedAt: now,
        email,
        firstName: a.firstName ?? "",
        lastName: a.lastName ?? "",
        role: a.role ?? "MEMBER",
        state: "PENDING" as const,
        type: "MANUAL" as const,
        avatarUrl: null,
      };
      s.users.set(n, user);
      return ok(user);
    },
    userDetailsUpdate: (a: {
      id: string;
      firstName?: string | null;
      lastName?: string | null;
      state?: "ACTIVE" | "DISABLED" | null;
    }) => {
      const u = find(s.users, "User", a.id);
      if (a.firstName != null) u.firstName = a.firstName;
      if (a.lastName != null) u.lastName = a.lastName;
      if (a.state) u.state = a.state;
      return ok(touch(u));
    },
    userRoleUpdate: (a: { id: string; role: UserRole }) => {
      const u = find(s.users, "User", a.id);
      u.role = a.role;
      return ok(touch(u));
    },
    userDelete: (a: { id: string }) => {
      const u = find(s.users, "User", a.id);
      if (u.type === "SYNCED") fail(E.syncedUserDelete);
      s.users.delete(u.n);
      for (const g of s.groups.values()) g.userNs.delete(u.n);
      for (const d of [...s.devices.values()]) if (d.userN === u.n) s.devices.delete(d.n);
      return { ok: true, error: null };
    },

    deviceBlock: (a) => deviceState("BLOCKED")(null, a),
    deviceUnblock: (a) => deviceState("ACTIVE", "BLOCKED")(null, a),
    deviceArchive: (a) => deviceState("ARCHIVED")(null, a),
    deviceUnarchive: (a) => deviceState("ACTIVE", "ARCHIVED")(null, a),
    deviceUpdate: (a: { id: string; isTrusted: boolean }) => {
      const d = find(s.devices, "Device", a.id);
      d.isTrusted = a.isTrusted;
      return ok(d);
    },

    groupCreate: (a: { name: string; userIds?: Ids; resourceIds?: Ids; securityPolicyId?: string | null }) => {
      const groupName = name(a.name)!;
      const users = numbers(s.users, "User", a.userIds);
      const resources = numbers(s.resources, "Resource", a.resourceIds);
      const policy = a.securityPolicyId ? find(s.securityPolicies, "SecurityPolicy", a.securityPolicyId) : null;
      const { n, id } = s.nextId("Group");
      const now = s.now();
      const g: GroupRow = {
        __typename: "Group",
        n,
        id,
        createdAt: now,
        updatedAt: now,
        name: groupName,
        type: "MANUAL",
        isActive: true,
        originId: null,
        securityPolicyN: policy?.n ?? s.defaultPolicy().n,
        everyone: false,
        userNs: new Set(users),
      };
      s.groups.set(n, g);
      for (const rn of resources) grant(s.resources.get(rn)!, `Group:${n}`, policy?.n ?? null);
      return ok(g);
    },
    groupUpdate: (a: {
      id: string;
      name?: string | null;
      isActive?: boolean | null;
      addedUserIds?: Ids;
      removedUserIds?: Ids;
      userIds?: Ids;
      addedResourceIds?: Ids;
      removedResourceIds?: Ids;
      resourceIds?: Ids;
      securityPolicyId?: string | null;
    }) => {
      const g = editableGroup(a.id);
      const policy = a.securityPolicyId ? find(s.securityPolicies, "SecurityPolicy", a.securityPolicyId) : null;
      const key = `Group:${g.n}`;
      if (a.userIds) g.userNs = new Set(numbers(s.users, "User", a.userIds));
      for (const n of numbers(s.users, "User", a.addedUserIds)) g.userNs.add(n);
      for (const n of numbers(s.users, "User", a.removedUserIds)) g.userNs.delete(n);
      changeResources(key, a);
      // The policy re-points every resource the group reaches, not only the ones named here.
      if (policy) {
        g.securityPolicyN = policy.n;
        for (const r of s.resources.values()) {
          const e = r.access.get(key);
          if (e) e.securityPolicyN = policy.n;
        }
      }
      const newName = name(a.name);
      if (newName) g.name = newName;
      if (a.isActive != null) g.isActive = a.isActive;
      return ok(touch(g));
    },
    groupDelete: (a: { id: string }) => {
      const g = editableGroup(a.id);
      s.groups.delete(g.n);
      for (const r of s.resources.values()) r.access.delete(`Group:${g.n}`);
      return { ok: true, error: null };
    },

    resourceCreate: (a: {
      name: string;
      address: string;
      remoteNetworkId: string;
      alias?: string | null;
      groupIds?: Ids;
      isBrowserShortcutEnabled?: boolean | null;
      isVisible?: boolean | null;
      protocols?: Protocols | null;
      securityPolicyId?: string | null;
      usageBasedAutolockDurationDays?: number | null;
    }) => {
      const resName = name(a.name)!;
      const rn = find(s.remoteNetworks, "RemoteNetwork", a.remoteNetworkId);
      const groups = numbers(s.groups, "Group", a.groupIds);
      const policy = a.securityPolicyId ? find(s.securityPolicies, "SecurityPolicy", a.securityPolicyId) : null;
      const address = a.address.trim() || fail("Address may not be blank.");
      const { n, id } = s.nextId("Resource");
      const now = s.now();
      const r: ResourceRow = {
        n,
        id,
        createdAt: now,
        updatedAt: now,
        name: resName,
        address: { type: /^[\d./]+$/.test(address) ? "IP" : "DNS", value: address },
        alias: a.alias ?? null,
        isActive: true,
        isVisible: a.isVisible ?? true,
        isBrowserShortcutEnabled: a.isBrowserShortcutEnabled ?? false,
        remoteNetworkN: rn.n,
        securityPolicyN: policy?.n ?? null,
        usageBasedAutolockDurationDays: a.usageBasedAutolockDurationDays ?? null,
        protocols: protocols(a.protocols) ?? {
          allowIcmp: true,
          tcp: { policy: "ALLOW_ALL", ports: [] },
          udp: { policy: "ALLOW_ALL", ports: [] },
        },
        access: new Map(),
      };
      for (const g of groups) grant(r, `Group:${g}`, null);
      s.resources.set(n, r);
      return ok(r);
    },
    resourceUpdate: (a: {
      id: string;
      name?: string | null;
      address?: string | null;
      alias?: string | null;
      isActive?: boolean | null;
      isVisible?: boolean | null;
      isBrowserShortcutEnabled?: boolean | null;
      remoteNetworkId?: string | null;
      securityPolicyId?: string | null;
      protocols?: Protocols | null;
      usageBasedAutolockDurationDays?: number | null;
      groupIds?: Ids;
      addedGroupIds?: Ids;
      removedGroupIds?: Ids;
    }) => {
      const r = find(s.resources, "Resource", a.id);
      const rn = a.remoteNetworkId ? find(s.remoteNetworks, "RemoteNetwork", a.remoteNetworkId) : null;
      const policy = a.securityPolicyId ? find(s.securityPolicies, "SecurityPolicy", a.securityPolicyId) : null;
      const newProtocols = protocols(a.protocols);
      const newName = name(a.name);
      if (a.groupIds) {
        const keep = new Set(numbers(s.groups, "Group", a.groupIds).map((n) => `Group:${n}`));
        for (const k of [...r.access.keys()]) if (k.startsWith("Group:") && !keep.has(k)) r.access.delete(k);
        for (const k of keep) grant(r, k, null);
      }
      for (const n of numbers(s.groups, "Group", a.addedGroupIds)) grant(r, `Group:${n}`, null);
      for (const n of numbers(s.groups, "Group", a.removedGroupIds)) r.access.delete(`Group:${n}`);
      if (newName) r.name = newName;
      if (a.address?.trim())
        r.address = { type: /^[\d./]+$/.test(a.address.trim()) ? "IP" : "DNS", value: a.address.trim() };
      if ("alias" in a) r.alias = a.alias ?? null;
      if (a.isActive != null) r.isActive = a.isActive;
      if (a.isVisible != null) r.isVisible = a.isVisible;
      if (a.isBrowserShortcutEnabled != null) r.isBrowserShortcutEnabled = a.isBrowserShortcutEnabled;
      if (rn) r.remoteNetworkN = rn.n;
      if (policy) r.securityPolicyN = policy.n;
      if (newProtocols) r.protocols = newProtocols;
      if ("usageBasedAutolockDurationDays" in a)
        r.usageBasedAutolockDurationDays = a.usageBasedAutolockDurationDays ?? null;
      return ok(touch(r));
    },
    resourceDelete: (a: { id: string }) => {
      const r = find(s.resources, "Resource", a.id);
      s.resources.delete(r.n);
      return { ok: true, error: null };
    },
    resourceAccessAdd: (a: { resourceId: string; access: AccessInput[] }) => {
      const r = find(s.resources, "Resource", a.resourceId);
      // Validate every entry before changing anything.
      const rows = a.access.map((x) => accessRow(r, x));
      for (const [key, row] of rows) r.access.set(key, row);
      return ok(touch(r));
    },
    resourceAccessSet: (a: { resourceId: string; access: AccessInput[] }) => {
      const r = find(s.resources, "Resource", a.resourceId);
      r.access = new Map(a.access.map((x) => accessRow(r, x)));
      return ok(touch(r));
    },
    resourceAccessRemove: (a: { resourceId: string; principalIds: string[] }) => {
      const r = find(s.resources, "Resource", a.resourceId);
      const keys = a.principalIds.map(principalKey);
      for (const k of keys) r.access.delete(k);
      return ok(touch(r));
    },

    remoteNetworkCreate: (a: { name: string; location?: RemoteNetworkLocation | null; isActive?: boolean | null }) => {
      const rnName = name(a.name)!;
      const { n, id } = s.nextId("RemoteNetwork");
      const now = s.now();
      // Location defaults to OTHER (changelog, Dec 2022).
      const rn = {
        n,
        id,
        createdAt: now,
        updatedAt: now,
        name: rnName,
        location: a.location ?? "OTHER",
        isActive: a.isActive ?? true,
      };
      s.remoteNetworks.set(n, rn);
      return ok(rn);
    },
    remoteNetworkUpdate: (a: {
      id: string;
      name?: string | null;
      location?: RemoteNetworkLocation | null;
      isActive?: boolean | null;
    }) => {
      const rn = find(s.remoteNetworks, "RemoteNetwork", a.id);
      const newName = name(a.name);
      if (newName) rn.name = newName;
      if (a.location) rn.location = a.location;
      if (a.isActive != null) rn.isActive = a.isActive;
      return ok(touch(rn));
    },
    remoteNetworkDelete: (a: { id: string }) => {
      const rn = find(s.remoteNetworks, "RemoteNetwork", a.id);
      for (const r of s.resources.values()) if (r.remoteNetworkN === rn.n) fail(E.remoteNetworkHasResources);
      s.remoteNetworks.delete(rn.n);
      for (const c of [...s.connectors.values()]) if (c.remoteNetworkN === rn.n) s.connectors.delete(c.n);
      return { ok: true, error: null };
    },

    securityPolicyUpdate: (a: { id: string; addedGroupIds?: Ids; removedGroupIds?: Ids; groupIds?: Ids }) => {
      const p = find(s.securityPolicies, "SecurityPolicy", a.id);
      const fallback = s.defaultPolicy().n;
      const set = (ns: number[], to: number) => {
        for (const n of ns) s.groups.get(n)!.securityPolicyN = to;
      };
      if (a.groupIds) {
        const keep = new Set(numbers(s.groups, "Group", a.groupIds));
        for (const g of s.groups.values())
          if (g.securityPolicyN === p.n && !keep.has(g.n)) g.securityPolicyN = fallback;
        set([...keep], p.n);
      }
      set(numbers(s.groups, "Group", a.addedGroupIds), p.n);
      for (const n of numbers(s.groups, "Group", a.removedGroupIds)) {
        const g = s.groups.get(n)!;
        if (g.securityPolicyN === p.n) g.securityPolicyN = fallback;
      }
      return ok(touch(p));
    },

    serviceAccountCreate: (a: { name: string; resourceIds?: Ids }) => {
      const saName = name(a.name)!;
      const resources = numbers(s.resources, "Resource", a.resourceIds);
      const { n, id } = s.nextId("ServiceAccount");
      const now = s.now();
      const sa = { __typename: "ServiceAccount" as const, n, id, createdAt: now, updatedAt: now, name: saName };
      s.serviceAccounts.set(n, sa);
      for (const rn of resources) grant(s.resources.get(rn)!, `ServiceAccount:${n}`, null);
      return ok(sa);
    },
    serviceAccountUpdate: (a: {
      id: string;
      name?: string | null;
      addedResourceIds?: Ids;
      removedResourceIds?: Ids;
      resourceIds?: Ids;
    }) => {
      const sa = find(s.serviceAccounts, "ServiceAccount", a.id);
      const key = `ServiceAccount:${sa.n}`;
      const newName = name(a.name);
      changeResources(key, a);
      if (newName) sa.name = newName;
      return ok(touch(sa));
    },
    serviceAccountDelete: (a: { id: string }) => {
      const sa = find(s.serviceAccounts, "ServiceAccount", a.id);
      s.serviceAccounts.delete(sa.n);
      for (const r of s.resources.values()) r.access.delete(`ServiceAccount:${sa.n}`);
      for (const k of [...s.serviceAccountKeys.values()])
        if (k.serviceAccountN === sa.n) s.serviceAccountKeys.delete(k.n);
      return { ok: true, error: null };
    },
    serviceAccountKeyCreate: (a: { serviceAccountId: string; name?: string | null; expirationTime: number }) => {
      const sa = find(s.serviceAccounts, "ServiceAccount", a.serviceAccountId);
      if (a.expirationTime < 0 || a.expirationTime > 365) fail(E.badExpiration);
      const { n, id } = s.nextId("ServiceAccountKey");
      const now = s.now();
      const key = {
        n,
        id,
        createdAt: now,
        updatedAt: now,
        serviceAccountN: sa.n,
        name: name(a.name) ?? `key-${n}`,
        revokedAt: null,
        expiresAt:
          a.expirationTime === 0 ? null : new Date(Date.parse(now) + a.expirationTime * 86_400_000).toISOString(),
      };
      s.serviceAccountKeys.set(n, key);
      return { ...ok(key), token: randomBytes(48).toString("base64url") };
    },
    serviceAccountKeyUpdate: (a: { id: string; name: string }) => {
      const k = find(s.serviceAccountKeys, "ServiceAccountKey", a.id);
      k.name = name(a.name) ?? fail(E.blankName);
      return ok(touch(k));
    },
    serviceAccountKeyRevoke: (a: { id: string }) => {
      const k = find(s.serviceAccountKeys, "ServiceAccountKey", a.id);
      k.revokedAt ??= s.now();
      return ok(touch(k));
    },
    serviceAccountKeyDelete: (a: { id: string }) => {
      const k = find(s.serviceAccountKeys, "ServiceAccountKey", a.id);
      if (s.keyStatus(k) === "ACTIVE") fail(E.activeKeyDelete);
      s.serviceAccountKeys.delete(k.n);
      return { ok: true, error: null };
    },

    connectorCreate: (a: {
      remoteNetworkId: string;
      name?: string | null;
      hasStatusNotificationsEnabled?: boolean | null;
    }) => {
      const rn = find(s.remoteNetworks, "RemoteNetwork", a.remoteNetworkId);
      const { n, id } = s.nextId("Connector");
      const conName = name(a.name) ?? `connector-${n}`;
      checkConnectorName(rn.n, conName);
      const now = s.now();
      const c = {
        n,
        id,
        createdAt: now,
        updatedAt: now,
        name: conName,
        remoteNetworkN: rn.n,
        state: "DEAD_NO_HEARTBEAT" as const,
        lastHeartbeatAt: null,
        hostname: null,
        version: null,
        publicIP: null,
        privateIPs: [],
        hasStatusNotificationsEnabled: a.hasStatusNotificationsEnabled ?? true,
      };
      s.connectors.set(n, c);
      return ok(c);
    },
    connectorUpdate: (a: { id: string; name?: string | null; hasStatusNotificationsEnabled?: boolean | null }) => {
      const c = find(s.connectors, "Connector", a.id);
      const newName = name(a.name);
      if (newName) {
        checkConnectorName(c.remoteNetworkN, newName, c.n);
        c.name = newName;
      }
      if (a.hasStatusNotificationsEnabled != null) c.hasStatusNotificationsEnabled = a.hasStatusNotificationsEnabled;
      return ok(touch(c));
    },
    connectorDelete: (a: { id: string }) => {
      const c = find(s.connectors, "Connector", a.id);
      s.connectors.delete(c.n);
      return { ok: true, error: null };
    },
    // The schema says only that a request is approved or rejected; what an approval grants (a user's time-limited
    // access, by the resource's access policy) is later than the schema we have. A settled request is no longer open.
    accessRequestApprove: (a: { id: string }) => {
      s.accessRequests.delete(find(s.accessRequests, "AccessRequest", a.id).n);
      return { ok: true, error: null };
    },
    accessRequestReject: (a: { id: string }) => {
      s.accessRequests.delete(find(s.accessRequests, "AccessRequest", a.id).n);
      return { ok: true, error: null };
    },
    connectorGenerateTokens: (a: { connectorId: string }) => {
      find(s.connectors, "Connector", a.connectorId);
      return {
        ok: true,
        error: null,
        connectorTokens: {
          accessToken: randomBytes(64).toString("base64url"),
          refreshToken: randomBytes(32).toString("base64url"),
        },
      };
    },
  };

  const MutationsRoot = Object.fromEntries(
    Object.entries(m).map(([field, fn]) => [
      field,
      (_: unknown, args: unknown) => {
        try {
          return fn(args);
        } catch (err) {
          if (err instanceof Failure) return { ok: false, error: err.message, entity: null };
          throw err;
        }
      },
    ]),
  );
  return { MutationsRoot };
}
