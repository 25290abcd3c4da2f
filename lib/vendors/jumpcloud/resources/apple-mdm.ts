// v2 Apple MDM: the MDM servers, their devices and the commands sent to a device.

import { type JcCore, noContent, op, type PageQuery, v2Page } from "../core";
import { allPages, type Page } from "../paging";
import * as S from "../schemas";

export type MdmDeviceAction =
  | "lock"
  | "erase"
  | "restart"
  | "shutdown"
  | "clearActivationLock"
  | "refreshActivationLockInformation"
  | "osUpdateStatus";

/** Every Apple MDM server: v2 spec, limit default 1 (unpaged, the console would see one server), at most 100. */
export function listAppleMdms(c: JcCore): Promise<S.AppleMdm[]> {
  return allPages((skip, limit) => {
    const o = { params: { query: { skip, limit } }, ...op(c, "applemdms_list", true) };
    return v2Page(c.v2.GET("/applemdms", o), S.AppleMdm, "applemdms_list");
  });
}

export function listAppleMdmDevices(c: JcCore, mdmId: string, q: PageQuery = {}): Promise<Page<S.AppleMdmDevice>> {
  const o = { params: { path: { apple_mdm_id: mdmId }, query: q as never }, ...op(c, "applemdms_deviceslist", true) };
  return v2Page(c.v2.GET("/applemdms/{apple_mdm_id}/devices", o), S.AppleMdmDevice, "applemdms_deviceslist");
}

/**
 * Device commands are never resent: a lock or erase must not be repeated
 * blindly. macOS lock/erase need a 6-digit pin.
 */
export function mdmDeviceAction(
  c: JcCore,
  mdmId: string,
  deviceId: string,
  action: MdmDeviceAction,
  body: { pin?: string; kextPaths?: string[] } = {},
): Promise<void> {
  const operation = `applemdms_devices_${action}`;
  const o = {
    params: { path: { apple_mdm_id: mdmId, device_id: deviceId } },
    body: body as never,
    ...op(c, operation, false),
  };
  const device = "/applemdms/{apple_mdm_id}/devices/{device_id}" as const;
  const call = {
    lock: () => c.v2.POST(`${device}/lock`, o),
    erase: () => c.v2.POST(`${device}/erase`, o),
    restart: () => c.v2.POST(`${device}/restart`, o),
    shutdown: () => c.v2.POST(`${device}/shutdown`, o),
    clearActivationLock: () => c.v2.POST(`${device}/clearActivationLock`, o),
    refreshActivationLockInformation: () => c.v2.POST(`${device}/refreshActivationLockInformation`, o),
    osUpdateStatus: () => c.v2.POST(`${device}/osUpdateStatus`, o),
  }[action]();
  return noContent(call, operation, [200, 204]);
}

export function scheduleOsUpdate(
  c: JcCore,
  mdmId: string,
  deviceId: string,
  body: { product_key: string; install_action: string; max_user_deferrals?: number },
): Promise<void> {
  const o = {
    params: { path: { apple_mdm_id: mdmId, device_id: deviceId } },
    body: body as never,
    ...op(c, "applemdms_devicesScheduleOSUpdate", false),
  };
  const call = c.v2.POST("/applemdms/{apple_mdm_id}/devices/{device_id}/scheduleOSUpdate", o);
  return noContent(call, "applemdms_devicesScheduleOSUpdate", [200, 204]);
}

export function refreshDepDevices(c: JcCore, mdmId: string): Promise<void> {
  const o = { params: { path: { apple_mdm_id: mdmId } }, ...op(c, "applemdms_refreshdepdevices", true) };
  return noContent(
    c.v2.POST("/applemdms/{apple_mdm_id}/refreshdepdevices", o),
    "applemdms_refreshdepdevices",
    [200, 204],
  );
}
