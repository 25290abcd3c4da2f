import type { AuditTarget } from "../audit/event";

// How a TruU device delete is audited, by the devices page and a CSV or
// offboarding row alike: the device and its user, and the device as the
// cache held it.

export interface CachedDevice {
  vendorId: string;
  deviceName: string | null;
  type: string | null;
  userGuid: string | null;
  userUpn: string | null;
  active: boolean | null;
  assuranceLevel: number | null;
  lastHeardFrom: Date | null;
}

/** The device, then the user it was deleted under (TruU deletes a device through its user). */
export function deviceTargets(
  d: Pick<CachedDevice, "vendorId" | "deviceName" | "userGuid" | "userUpn">,
): AuditTarget[] {
  return [
    { type: "truu_device", id: d.vendorId, label: d.deviceName ?? d.vendorId },
    ...(d.userGuid ? [{ type: "truu_user", id: d.userGuid, ...(d.userUpn ? { label: d.userUpn } : {}) }] : []),
  ];
}

export function deviceBefore(d: CachedDevice) {
  return {
    deviceName: d.deviceName,
    type: d.type,
    userUpn: d.userUpn,
    active: d.active,
    assuranceLevel: d.assuranceLevel,
    lastHeardFrom: d.lastHeardFrom?.toISOString() ?? null,
  };
}

/** `active`: as TruU answered the delete (null when it was gone already). */
export const deviceDeletedAfter = (active: boolean | null) => ({ deleted: true, active });
