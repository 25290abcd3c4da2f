/** Routes under /api/public/, in the casing the vendor documents. */
export const ROUTES = {
  turnOnMfa: "turnOnMfa",
  turnOffMfa: "turnOffMfa",
  resetMfa: "resetMfa",
  addUserMachineAssignment: "addUserMachineAssignment",
  syncAddedAdUsers: "syncAddedAdUsers",
  syncAddedAdMachines: "syncAddedAdMachines",
  syncAddedAdUserGroups: "syncAddedAdUserGroups",
  syncAddedAdMachineGroups: "syncAddedAdMachineGroups",
  addUpnSuffix: "addUpnSuffix",
  clearMachineAssociations: "clearMachineAssociations",
  clearAppAssociations: "clearAppAssociations",
  refreshActiveDirectory: "RefreshActiveDirectory",
  refreshApplications: "RefreshApplications",
  enableUdp: "EnableUdp",
  disableUdp: "DisableUdp",
  ipWhitelist: "IpWhitelist",
  externalResources: "ExternalResources",
  getUserLogonIp: "getUserLogonIp",
  getMachineAssociations: "GetMachineAssociations",
} as const;

/**
 * The article prints Set Machine Associations under ExternalResources' URI,
 * a copy of the GET above it; the real route is unknown, so it is a setting.
 */
export const DEFAULT_SET_MACHINE_ASSOCIATIONS_ROUTE = "SetMachineAssociations";

/** "Request body cannot contain more than 100 elements." */
export const MAX_ITEMS_PER_REQUEST = 100;
