import { deviceDetails, isoMicros } from "./details";
import type { AssetRec, DeviceRec, UserRec } from "./records";

// TruU's JSON shapes, as in its User Management API guide.

export function userJson(u: UserRec) {
  return {
    tuid: u.tuid,
    guid: u.guid,
    displayName: u.displayName,
    userPrincipal: u.upn,
    email: u.email,
    lastSynced: isoMicros(u.lastSyncedMs),
    created: isoMicros(u.createdMs),
  };
}

export function domainUserJson(u: UserRec) {
  return { ...userJson(u), domain: { ...u.domain } };
}

/** System API: lastHeardFrom in epoch milliseconds. */
export function systemDeviceJson(d: DeviceRec, active = !d.deleted) {
  const x = deviceDetails(d);
  return {
    deviceId: d.deviceId,
    deviceName: x.deviceName,
    appVersion: x.appVersion,
    sdkVersion: x.sdkVersion,
    lastHeardFrom: x.lastHeardFrom,
    softwareIdentifier: x.softwareIdentifier,
    notificationId: x.notificationId,
    appId: x.appId,
    type: d.type,
    active,
    created: x.created,
    user: userJson(d.user),
    domain: { ...d.user.domain },
  };
}

/** Data APIs: lastHeardFrom as an ISO string. */
export function dataDeviceJson(d: DeviceRec) {
  const x = deviceDetails(d);
  return {
    deviceId: d.deviceId,
    notificationsEnabled: x.notificationId !== null,
    deviceName: x.deviceName,
    appVersion: x.appVersion,
    type: d.type,
    lastHeardFrom: new Date(x.lastHeardFrom).toISOString().replace("Z", "000Z"),
    assuranceLevel: x.assuranceLevel,
    active: !d.deleted,
  };
}

export function dataUserJson(u: UserRec) {
  return { ...userJson(u), devices: u.devices.map(dataDeviceJson) };
}

export function assetJson(a: AssetRec) {
  return {
    machineName: a.machineName,
    displayName: a.displayName,
    type: a.type,
    hardware: { ...a.hardware },
    network: { ipAddresses: [...a.ipAddresses], macAddresses: [...a.macAddresses] },
    lastHeardFrom: a.lastHeardFrom,
    devices: a.devices.map((d) => ({ ...dataDeviceJson(d), user: userJson(d.user) })),
  };
}
