export * as connectors from "./connectors";
export * as devices from "./devices";
export * as groups from "./groups";
export * as remoteNetworks from "./remote-networks";
export * as resources from "./resources";
export * as securityPolicies from "./security-policies";
export * as serviceAccounts from "./service-accounts";
export * as users from "./users";
