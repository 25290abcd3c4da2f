import { DEVICE_FIELDS, listQuery } from "./fragments";

export const DEVICES = listQuery("TwingateDevices", "devices", "DeviceFilterInput", DEVICE_FIELDS);

export const DEVICE = `query TwingateDevice($id: ID!) {
  device(id: $id) { ...DeviceFields }
}
${DEVICE_FIELDS}`;

const stateChange = (operation: string, field: string) => `mutation ${operation}($id: ID!) {
  ${field}(id: $id) { ok error entity { ...DeviceFields } }
}
${DEVICE_FIELDS}`;

export const DEVICE_BLOCK = stateChange("TwingateDeviceBlock", "deviceBlock");
export const DEVICE_UNBLOCK = stateChange("TwingateDeviceUnblock", "deviceUnblock");
export const DEVICE_ARCHIVE = stateChange("TwingateDeviceArchive", "deviceArchive");
export const DEVICE_UNARCHIVE = stateChange("TwingateDeviceUnarchive", "deviceUnarchive");

export const DEVICE_UPDATE = `mutation TwingateDeviceUpdate($id: ID!, $isTrusted: Boolean!) {
  deviceUpdate(id: $id, isTrusted: $isTrusted) { ok error entity { ...DeviceFields } }
}
${DEVICE_FIELDS}`;
