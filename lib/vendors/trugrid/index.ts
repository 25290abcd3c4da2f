export type { MachineAssociationFilter, TruGridClientOptions, TruGridCredentials } from "./client";
export { TruGridClient } from "./client";
export type { ItemResult } from "./item-results";
export { DEFAULT_SET_MACHINE_ASSOCIATIONS_ROUTE, MAX_ITEMS_PER_REQUEST, ROUTES } from "./routes";
export type { MachineAssociation, MachineAssociationInput, UserLogonIp, UserMachineAssignment } from "./schemas";
