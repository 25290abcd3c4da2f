import { buildDirectory, type SimPerson, type SimSize } from "../core/directory";
import { type Rng, rng } from "../core/random";
import type { NodeType } from "./ids";
import type { AccessRow, DeviceRow, Protocols, RemoteNetworkLocation, UserRole, UserState } from "./records";
import { TwingateState } from "./state";

const ALLOW_ALL: Protocols = {
  allowIcmp: true,
  tcp: { policy: "ALLOW_ALL", ports: [] },
  udp: { policy: "ALLOW_ALL", ports: [] },
};
const DAY = 86_400_000;
const EPOCH = Date.parse("2024-01-15T09:00:00.000Z");

function roleOf(p: SimPerson): UserRole {
  if (p.isAdmin) return "ADMIN";
  if (p.title === "Helpdesk Technician" || p.title === "Support Lead") return "SUPPORT";
  if (p.title === "Engineering Manager") return "DEVOPS";
  if (p.title === "Controller") return "ACCESS_REVIEWER";
  return "MEMBER";
}

function stamp(r: Rng, withinDays: number): string {
  return new Date(EPOCH + Math.floor(r.next() * withinDays * DAY)).toISOString();
}

/**
 * Fills a state from the shared simulated company: every person is a user
 * (most synced from the IdP, some invited by hand) with a laptop and a phone,
 * departments are synced groups, and a few networks, resources, connectors
 * and service accounts sit around them.
 */
/** With `domain`, only that company: a Twingate network belongs to one organisation. */
export function seedTwingate(size: SimSize, seed: number, clock?: () => Date, domain?: string): TwingateState {
  const s = new TwingateState(clock);
  const r = rng(seed);
  const add = <T extends object>(type: NodeType, createdAt: string, row: T) => {
    const { n, id } = s.nextId(type);
    return { n, id, createdAt, updatedAt: createdAt, ...row };
  };

  const defaultPolicy = add("SecurityPolicy", stamp(r, 1), {
    name: "Default Policy",
    policyType: "DEFAULT_RESOURCE" as const,
  });
  s.securityPolicies.set(defaultPolicy.n, defaultPolicy);
  const [requireMfa] = ["Require MFA", "Trusted Devices Only"].map((name) => {
    const p = add("SecurityPolicy", stamp(r, 30), { name, policyType: "RESOURCE" as const });
    s.securityPolicies.set(p.n, p);
    return p;
  });
  if (!requireMfa) throw new Error("The seed adds its security policies first.");

  const everyone = add("Group", stamp(r, 1), {
    __typename: "Group" as const,
    name: "Everyone",
    type: "SYSTEM" as const,
    isActive: true,
    originId: null,
    securityPolicyN: defaultPolicy.n,
    everyone: true,
    userNs: new Set<number>(),
  });
  s.groups.set(everyone.n, everyone);

  const byUpn = new Map<string, number>();
  for (const company of buildDirectory(size, seed).filter((d) => !domain || d.domain === domain)) {
    for (const p of company.people) {
      const type = r.chance(0.8) ? ("SYNCED" as const) : ("MANUAL" as const);
      const roll = r.next();
      const state: UserState = type === "MANUAL" && roll < 0.15 ? "PENDING" : roll > 0.95 ? "DISABLED" : "ACTIVE";
      const createdAt = stamp(r, 400);
      const user = add("User", createdAt, {
        firstName: p.first,
        lastName: p.last,
        email: p.email,
        state,
        role: roleOf(p),
        type,
        avatarUrl: null,
      });
      s.users.set(user.n, user);
      byUpn.set(p.upn, user.n);
      const mac = p.laptop.includes("-MBP-");
      addDevice(s, r, user.n, {
        name: p.laptop,
        hostname: p.laptop,
        deviceType: "LAPTOP",
        osName: mac ? "MAC_OS" : "WINDOWS",
        osVersion: mac ? `14.${r.int(0, 6)}` : `10.0.${r.pick(["19045", "22631", "26100"])}`,
        hardwareModel: mac ? "MacBookPro18,3" : r.pick(["Latitude 7440", "ThinkPad T14 Gen 4", "EliteBook 840 G10"]),
        manufacturerName: mac ? "Apple Inc." : r.pick(["Dell Inc.", "LENOVO", "HP"]),
        username: p.upn.split("@", 1)[0] ?? p.upn,
      });
      const ios = r.chance(0.6);
      addDevice(s, r, user.n, {
        name: `${p.first}'s ${ios ? "iPhone" : "Pixel"}`,
        hostname: null,
        deviceType: "MOBILE",
        osName: ios ? "IOS" : "ANDROID",
        osVersion: ios ? `17.${r.int(0, 6)}` : `14`,
        hardwareModel: ios ? "iPhone15,2" : "Pixel 8",
        manufacturerName: ios ? "Apple Inc." : "Google",
        username: null,
      });
    }
    for (const g of company.userGroups) {
      const group = add("Group", stamp(r, 30), {
        __typename: "Group" as const,
        name: g.name,
        type: "SYNCED" as const,
        isActive: true,
        originId: `${company.domain}/${r.uuid()}`,
        securityPolicyN: defaultPolicy.n,
        everyone: false,
        userNs: new Set(g.members.map((upn) => byUpn.get(upn)!)),
      });
      s.groups.set(group.n, group);
    }
  }
  const contractors = add("Group", stamp(r, 60), {
    __typename: "Group" as const,
    name: "Contractors",
    type: "MANUAL" as const,
    isActive: true,
    originId: null,
    securityPolicyN: requireMfa.n,
    everyone: false,
    userNs: new Set(
      [...s.users.values()]
        .filter((u) => u.type === "MANUAL")
        .slice(0, 5)
        .map((u) => u.n),
    ),
  });
  s.groups.set(contractors.n, contractors);

  const networks: { name: string; location: RemoteNetworkLocation; resources: [string, string][] }[] = [
    {
      name: "Head Office",
      location: "ON_PREMISE",
      resources: [
        ["Intranet", "intranet.corp.example"],
        ["File Server", "10.10.0.20"],
        ["Remote Desktop Farm", "rds.corp.example"],
      ],
    },
    {
      name: "AWS Production",
      location: "AWS",
      resources: [
        ["Production VPC", "10.20.0.0/16"],
        ["Grafana", "grafana.prod.example"],
      ],
    },
    { name: "Azure Apps", location: "AZURE", resources: [["Payroll", "payroll.azure.example"]] },
    // No resources: the one network that can be deleted straight away.
    { name: "Lab", location: "OTHER", resources: [] },
  ];
  const groups = [...s.groups.values()];
  const connectorNames = [
    "brave-otter",
    "quiet-heron",
    "amber-lynx",
    "silver-fox",
    "gentle-moose",
    "rapid-falcon",
    "clever-badger",
  ];
  let c = 0;
  for (const net of networks) {
    const rn = add("RemoteNetwork", stamp(r, 20), { name: net.name, location: net.location, isActive: true });
    s.remoteNetworks.set(rn.n, rn);
    for (const [name, address] of net.resources) {
      const access = new Map<string, AccessRow>();
      for (const g of [everyone, r.pick(groups)])
        access.set(`Group:${g.n}`, {
          principal: `Group:${g.n}`,
          securityPolicyN: null,
          expiresAt: null,
          usageBasedAutolockDurationDays: null,
        });
      const res = add("Resource", stamp(r, 60), {
        name,
        address: { type: /^[\d./]+$/.test(address) ? ("IP" as const) : ("DNS" as const), value: address },
        alias: null,
        isActive: true,
        isVisible: true,
        isBrowserShortcutEnabled: false,
        remoteNetworkN: rn.n,
        securityPolicyN: null,
        protocols: ALLOW_ALL,
        usageBasedAutolockDurationDays: null,
        access,
      });
      s.resources.set(res.n, res);
    }
    for (let k = 0; k < (net.resources.length ? 2 : 0); k++) {
      const created = stamp(r, 60);
      const con = add("Connector", created, {
        name: connectorNames[c++ % connectorNames.length] as string,
        remoteNetworkN: rn.n,
        state: c === 3 ? ("DEAD_NO_HEARTBEAT" as const) : ("ALIVE" as const),
        lastHeartbeatAt: c === 3 ? null : new Date(EPOCH + 500 * DAY).toISOString(),
        hostname: `connector-${c}`,
        version: "1.72.0",
        publicIP: `203.0.113.${10 + c}`,
        privateIPs: [`10.${c}.0.5`],
        hasStatusNotificationsEnabled: true,
      });
      s.connectors.set(con.n, con);
    }
  }

  const firstResource = s.resources.values().next().value!;
  for (const [name, keys] of [
    ["CI Runner", ["ci-2024", "ci-2025"]],
    ["Backup Agent", ["backup"]],
  ] as const) {
    const sa = add("ServiceAccount", stamp(r, 90), { __typename: "ServiceAccount" as const, name });
    s.serviceAccounts.set(sa.n, sa);
    firstResource.access.set(`ServiceAccount:${sa.n}`, {
      principal: `ServiceAccount:${sa.n}`,
      securityPolicyN: null,
      expiresAt: null,
      usageBasedAutolockDurationDays: null,
    });
    keys.forEach((keyName, i) => {
      const created = stamp(r, 90);
      const key = add("ServiceAccountKey", created, {
        serviceAccountN: sa.n,
        name: keyName,
        expiresAt: name === "Backup Agent" ? new Date(EPOCH + 30 * DAY).toISOString() : null,
        revokedAt: keys.length > 1 && i === 0 ? new Date(EPOCH + 200 * DAY).toISOString() : null,
      });
      s.serviceAccountKeys.set(key.n, key);
    });
  }

  // A few users asking for resources they cannot reach yet, as a network that takes requests has waiting.
  const users = [...s.users.values()].filter((u) => u.state === "ACTIVE");
  const resources = [...s.resources.values()];
  ["Month-end close", null, "On call this week"].forEach((reason, i) => {
    const requestedAt = stamp(r, 7);
    const req = add("AccessRequest", requestedAt, {
      userN: users[(i * 7) % users.length]!.n,
      resourceN: resources[(i * 3 + 1) % resources.length]!.n,
      reason,
      requestedAt,
    });
    s.accessRequests.set(req.n, req);
  });
  return s;
}

type DeviceLook = Pick<
  DeviceRow,
  "name" | "hostname" | "deviceType" | "osName" | "osVersion" | "hardwareModel" | "manufacturerName" | "username"
>;

function addDevice(s: TwingateState, r: Rng, userN: number, look: DeviceLook) {
  const { n, id } = s.nextId("Device");
  const roll = r.next();
  s.devices.set(n, {
    n,
    id,
    userN,
    ...look,
    activeState: roll < 0.03 ? "BLOCKED" : roll < 0.1 ? "ARCHIVED" : "ACTIVE",
    isTrusted: r.chance(0.7),
    serialNumber: r.hex(12).toUpperCase(),
    clientVersion: `2024.${r.int(100, 350)}.${r.int(1000, 9999)}`,
    internetSecurityConfiguration: r.pick(["INTERNET_SECURITY", "SECURE_DNS_ONLY", "DISABLED"]),
    lastSuccessfulLoginAt: stamp(r, 500),
    lastFailedLoginAt: r.chance(0.2) ? stamp(r, 500) : null,
  });
}
