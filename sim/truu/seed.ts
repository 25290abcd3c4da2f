import type { SimDomain, SimMachine, SimPerson } from "../core/directory";
import type { Rng } from "../core/random";
import { EPOCH, hex, uuid } from "./details";
import type { AssetRec, DeviceRec, DeviceType, DomainRec, UserRec } from "./records";

const DAY = 86_400_000;
const MAC_MODELS = ["MacBook Pro 14", "MacBook Pro 16", "MacBook Air 13"];
const WIN_HARDWARE = [
  { manufacturer: "Dell", model: "Latitude 7440", processor: "Intel i7" },
  { manufacturer: "Lenovo", model: "ThinkPad T14", processor: "Intel i5" },
  { manufacturer: "Microsoft", model: "Surface Pro", processor: "Intel i9" },
  { manufacturer: "HP", model: "EliteBook 840", processor: "AMD Ryzen 7" },
];

export interface SeededTenant {
  domains: DomainRec[];
  users: UserRec[];
  devices: DeviceRec[];
  assets: AssetRec[];
}

/**
 * Every person is an enrolled user with 1–3 devices (two on average, so a
 * tenant of N people has exactly 2N devices): the TPM key of their own
 * laptop, then an Android phone, then a Windows TPM enrolment on one of the
 * domain's shared remote-desktop servers.
 */
export function seedTenant(directory: SimDomain[], r: Rng): SeededTenant {
  const domains: DomainRec[] = [];
  const users: UserRec[] = [];
  const devices: DeviceRec[] = [];
  const assets: AssetRec[] = [];
  let assetNo = 0;

  for (const d of directory) {
    const domain: DomainRec = { key: uuid(r), name: d.tenantName, domain: d.domain.split(".", 1)[0] ?? d.domain };
    domains.push(domain);
    const byName = new Map<string, AssetRec>();
    for (const m of d.machines) {
      const a = makeAsset(m, assetNo++, r);
      byName.set(m.name, a);
      assets.push(a);
    }
    const servers = d.machines.filter((m) => m.kind === "server").map((m) => byName.get(m.name)!);
    let previous = 2;
    d.people.forEach((p, i) => {
      const user = makeUser(p, domain, r);
      users.push(user);
      // Pairs of people add up to four devices.
      const count = i % 2 === 0 ? r.int(1, 3) : 4 - previous;
      previous = count;
      const laptop = byName.get(p.laptop)!;
      laptop.displayName = `${p.displayName}'s Computer`;
      const kinds: { type: DeviceType; asset: AssetRec | null }[] = [
        { type: laptop.type === "MAC_AGENT" ? "MAC_TPM" : "WINDOWS_TPM", asset: laptop },
        { type: "ANDROID", asset: null },
        { type: "WINDOWS_TPM", asset: servers[i % servers.length] ?? null },
      ];
      for (const k of kinds.slice(0, count)) {
        const dev: DeviceRec = {
          deviceId: uuid(r),
          type: k.type,
          seed: r.int(0, 0x7fff_ffff),
          user,
          asset: k.asset,
          deleted: false,
        };
        user.devices.push(dev);
        k.asset?.devices.push(dev);
        devices.push(dev);
      }
    });
  }
  return { domains, users, devices, assets };
}

function makeUser(p: SimPerson, domain: DomainRec, r: Rng): UserRec {
  const createdMs = EPOCH - r.int(30, 2000) * DAY - r.int(0, DAY - 1);
  const syncedMs = EPOCH - r.int(0, 20) * DAY - r.int(0, DAY - 1);
  return {
    tuid: uuid(r),
    guid: p.guid,
    displayName: p.displayName,
    upn: p.upn,
    email: p.email,
    lastSyncedMs: Math.max(createdMs, syncedMs),
    createdMs,
    domain,
    devices: [],
    deleted: false,
  };
}

function makeAsset(m: SimMachine, n: number, r: Rng): AssetRec {
  const mac = m.os === "macOS";
  const hw = mac
    ? { manufacturer: "Apple", model: r.pick(MAC_MODELS), processor: r.pick(["Apple M2", "Apple M3", "Apple M4"]) }
    : r.pick(WIN_HARDWARE);
  // The first address of each kind is derived from the asset number, so every workstation has one that is unique.
  const ipAddresses = [`10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`];
  for (let i = r.int(0, 2); i > 0; i--)
    ipAddresses.push(`${r.int(11, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`);
  const octets = [(n >> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];
  const macAddresses = [`02:00:${octets.map((b) => b.toString(16).padStart(2, "0")).join(":")}`];
  if (r.chance(0.5)) macAddresses.push(hex(r, 12).replace(/(..)(?!$)/g, "$1:"));
  return {
    machineName: m.name,
    displayName: m.name,
    type: mac ? "MAC_AGENT" : "WINDOWS_AGENT",
    hardware: {
      serialNumber: mac ? `C02${hex(r, 8).toUpperCase()}` : hex(r, 10).toUpperCase(),
      ...hw,
      biosVersion: mac ? `${r.int(8000, 11000)}.1` : `N${r.int(10, 40)}ET${r.int(10, 90)}W`,
    },
    ipAddresses,
    macAddresses,
    lastHeardFrom: r.chance(0.9) ? new Date(EPOCH - r.int(0, 7 * DAY)).toISOString().replace("Z", "000Z") : null,
    devices: [],
  };
}
