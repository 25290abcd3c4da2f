import { buildDirectory, type SimSize } from "../core/directory";
import { rng } from "../core/random";
import type { AssetRec, DeviceRec, DomainRec, UserRec } from "./records";
import { seedTenant } from "./seed";

/** Server-fixed page sizes. */
export const PAGE_SIZE = { enrolledUsers: 100, devices: 25, dataUsers: 25, assets: 25 } as const;

export interface EnrolledFilter {
  upn?: string;
  email?: string;
  guid?: string;
  tuid?: string;
}
export interface DataUserFilter {
  userPrincipals: string[];
  emails: string[];
  guids: string[];
}
export interface AssetFilter {
  ipAddresses: string[];
  macAddresses: string[];
}

/**
 * One TruU tenant in memory. Deleting a device drops it from every list;
 * its user stays enrolled. Deleting a user drops the user and their devices.
 */
export class TruuState {
  readonly domains: DomainRec[];
  users: UserRec[];
  devices: DeviceRec[];
  readonly assets: AssetRec[];
  private readonly byGuid = new Map<string, UserRec>();

  /** With `domain`, only that company of the directory: one TruU tenant per customer, as in the real service. */
  constructor(size: SimSize, seed?: number, domain?: string) {
    const directory = (seed === undefined ? buildDirectory(size) : buildDirectory(size, seed)).filter(
      (d) => !domain || d.domain === domain,
    );
    if (directory.length === 0) throw new Error(`no company with domain ${domain} in the ${size} directory`);
    const t = seedTenant(directory, rng((seed ?? 20261123) ^ 0x7a0c1d));
    this.domains = t.domains;
    this.users = t.users;
    this.devices = t.devices;
    this.assets = t.assets;
    for (const u of this.users) this.byGuid.set(u.guid, u);
  }

  /** The tenant's own domain, the first seeded (the constructor refuses an empty directory). */
  get ownDomain(): DomainRec {
    const [own] = this.domains;
    if (!own) throw new Error("The TruU simulator has no domain.");
    return own;
  }

  /** Exact, case-sensitive, as TruU's domainusers path is. */
  userByGuid(guid: string): UserRec | undefined {
    return this.byGuid.get(guid);
  }

  deviceOf(user: UserRec, deviceId: string): DeviceRec | undefined {
    return user.devices.find((d) => d.deviceId === deviceId);
  }

  enrolledUsers(f: EnrolledFilter): UserRec[] {
    const checks: [keyof UserRec, string][] = [];
    if (f.upn) checks.push(["upn", f.upn.toLowerCase()]);
    if (f.email) checks.push(["email", f.email.toLowerCase()]);
    if (f.guid) checks.push(["guid", f.guid.toLowerCase()]);
    if (f.tuid) checks.push(["tuid", f.tuid.toLowerCase()]);
    if (checks.length === 0) return this.users;
    return this.users.filter((u) => checks.every(([k, v]) => (u[k] as string).toLowerCase() === v));
  }

  dataUsers(f: DataUserFilter): UserRec[] {
    const sets: [keyof UserRec, Set<string>][] = [];
    if (f.userPrincipals.length) sets.push(["upn", lowerSet(f.userPrincipals)]);
    if (f.emails.length) sets.push(["email", lowerSet(f.emails)]);
    if (f.guids.length) sets.push(["guid", lowerSet(f.guids)]);
    if (sets.length === 0) return this.users;
    return this.users.filter((u) => sets.every(([k, s]) => s.has((u[k] as string).toLowerCase())));
  }

  filterAssets(f: AssetFilter): AssetRec[] {
    const ips = new Set(f.ipAddresses);
    const macs = lowerSet(f.macAddresses);
    if (ips.size === 0 && macs.size === 0) return this.assets;
    return this.assets.filter(
      (a) =>
        (ips.size === 0 || a.ipAddresses.some((ip) => ips.has(ip))) &&
        (macs.size === 0 || a.macAddresses.some((m) => macs.has(m))),
    );
  }

  deleteDevice(device: DeviceRec): void {
    device.deleted = true;
    device.user.devices = device.user.devices.filter((d) => d !== device);
    if (device.asset) device.asset.devices = device.asset.devices.filter((d) => d !== device);
    this.devices = this.devices.filter((d) => d !== device);
  }

  deleteUser(user: UserRec): void {
    for (const d of [...user.devices]) this.deleteDevice(d);
    user.deleted = true;
    this.byGuid.delete(user.guid);
    this.users = this.users.filter((u) => u !== user);
  }
}

function lowerSet(values: string[]): Set<string> {
  return new Set(values.map((v) => v.toLowerCase()));
}
