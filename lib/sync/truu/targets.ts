import type { Asset, SystemDevice, TruuUser } from "../../vendors/truu/schemas";
import { isoTime, normEmail, type SyncTarget } from "../target";

/** Enrolled users, keyed by their directory GUID (TruU's domainusers key). */
export const userTarget: SyncTarget<TruuUser> = {
  vendor: "truu",
  resource: "user",
  table: "TruuUser",
  vendorId: (u) => u.guid,
  label: (u) => u.userPrincipal ?? u.email ?? u.displayName,
  columns: [
    { name: "tuid", type: "text", value: (u) => u.tuid },
    // The column is required; a directory user without a UPN is kept with an empty one (raw holds the truth).
    { name: "upn", type: "text", value: (u) => u.userPrincipal ?? "" },
    { name: "email", type: "text", value: (u) => u.email },
    { name: "emailNorm", type: "text", value: (u) => normEmail(u.userPrincipal || u.email) },
    { name: "displayName", type: "text", value: (u) => u.displayName },
    { name: "lastSynced", type: "timestamptz", value: (u) => isoTime(u.lastSynced) },
    { name: "createdAtVendor", type: "timestamptz", value: (u) => isoTime(u.created) },
  ],
  // lastSynced moves with every directory sync at TruU; it is not a change anyone made.
  tracked: ["upn", "email", "displayName"],
};

/**
 * System-API devices. The assurance level lives only in the data API, so the
 * caller passes the deviceId → level map read from there beforehand.
 */
export function deviceTarget(assurance: ReadonlyMap<string, number>): SyncTarget<SystemDevice> {
  return {
    vendor: "truu",
    resource: "device",
    table: "TruuDevice",
    vendorId: (d) => d.deviceId,
    label: (d) => d.deviceName ?? d.deviceId,
    columns: [
      { name: "deviceName", type: "text", value: (d) => d.deviceName },
      { name: "type", type: "text", value: (d) => d.type },
      { name: "userGuid", type: "text", value: (d) => d.user.guid },
      { name: "userUpn", type: "text", value: (d) => d.user.userPrincipal },
      { name: "userDisplayName", type: "text", value: (d) => d.user.displayName },
      { name: "userEmailNorm", type: "text", value: (d) => normEmail(d.user.userPrincipal || d.user.email) },
      { name: "appVersion", type: "text", value: (d) => d.appVersion },
      { name: "sdkVersion", type: "text", value: (d) => d.sdkVersion },
      { name: "softwareIdentifier", type: "text", value: (d) => d.softwareIdentifier },
      // Epoch milliseconds in the system API.
      { name: "lastHeardFrom", type: "timestamptz", value: (d) => isoTime(d.lastHeardFrom) },
      { name: "assuranceLevel", type: "int", value: (d) => assurance.get(d.deviceId) ?? null },
      { name: "active", type: "bool", value: (d) => d.active },
      { name: "createdAtVendor", type: "timestamptz", value: (d) => isoTime(d.created) },
    ],
    // Versions and lastHeardFrom change on every check-in and app update; they are not drift.
    tracked: ["active", "assuranceLevel", "userUpn", "type"],
  };
}

/**
 * The distinct UPNs (email when a user has none) of the accounts
 * enrolled on a workstation, sorted so order never reads as a change.
 */
export function assetUpns(a: Asset): string[] {
  const upns = a.devices.map((d) => d.user.userPrincipal ?? d.user.email).filter((v): v is string => !!v);
  return [...new Set(upns)].sort();
}

/** Workstation assets; the data API gives them no id, and the machine name is unique within a tenant. */
export const assetTarget: SyncTarget<Asset> = {
  vendor: "truu",
  resource: "asset",
  table: "TruuAsset",
  vendorId: (a) => a.machineName,
  label: (a) => a.displayName ?? a.machineName,
  columns: [
    { name: "machineName", type: "text", value: (a) => a.machineName },
    { name: "type", type: "text", value: (a) => a.type },
    { name: "ips", type: "text[]", value: (a) => a.network?.ipAddresses ?? [] },
    { name: "macs", type: "text[]", value: (a) => a.network?.macAddresses ?? [] },
    { name: "upns", type: "text[]", value: assetUpns },
  ],
  // Workstation IPs move with DHCP and VPN; who is enrolled on the machine is what a helpdesk watches.
  tracked: ["type", "macs", "upns"],
};
