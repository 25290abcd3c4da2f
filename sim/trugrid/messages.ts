// TruGrid's own words. Strings marked [doc] are copied verbatim from the
// vendor's API article (NOTES.md §1); the others are not documented and follow
// the same "Error. Reason: …" pattern so a client can treat them alike.

export const SUCCESS = "Success."; // [doc]
export const replaced = (previousMachine: string) =>
  `Success. Previous association with '${previousMachine}' replaced.`; // [doc]

export const itemError = {
  missingData: () => "Error. Reason: Required data is missing.", // [doc]
  groupNotFound: (g: string, d: string) => `Error. Reason: Group '${g}' not found in domain '${d}'.`, // [doc]
  machineNotFound: (m: string, d: string) => `Error. Reason: Machine '${m}' not found in domain '${d}'.`, // [doc]
  // [doc]
  machineNotInGroup: (m: string, g: string) => `Error. Reason: Machine '${m}' is not a member of group '${g}'.`,
  userNotFound: (u: string, d: string) => `Error. Reason: User '${u}' not found in domain '${d}'.`, // [doc]
  userNotAssigned: (u: string, g: string) => `Error. Reason: User '${u}' is not assigned to group '${g}'.`, // [doc]
  machineTaken: (m: string, other: string, g: string) =>
    `Error. Reason: Machine '${m}' is already associated with user '${other}' in group '${g}'.`, // [doc]
  adminMfa: (u: string) => `Error. Reason: MFA cannot be turned off for user '${u}' with an Admin role.`,
  mfaNotSet: (u: string) => `Error. Reason: MFA is not set up for user '${u}'.`,
  mfaOff: (u: string) => `Error. Reason: MFA is turned off for user '${u}'.`,
  duplicateKey: (k: string) => `Error. Reason: Key '${k}' is not unique in the request.`,
  suffixIsDomain: (s: string) => `Error. Reason: '${s}' is a domain registered in TruGrid.`,
  suffixOfOtherDomain: (s: string) => `Error. Reason: '${s}' is already a UPN suffix of another domain.`,
};

export const requestError = {
  noAssociations: "Request body must contain at least one association.", // [doc]
  tooMany: "Maximum 100 items per request.", // [doc]
  invalidUpn: (upn: string) => `Invalid UPN format encountered at ${upn}.`, // [doc]
  exactlyOneFilter: "Exactly one of 'groupName' or 'userUpn' must be provided.", // [doc]
  groupNotFound: (g: string, d: string) => `Group '${g}' not found in domain '${d}'.`, // [doc]
  userNotFound: (u: string, d: string) => `User '${u}' not found in domain '${d}'.`, // [doc]
  domainNotFound: (d: string) => `Domain '${d}' not found.`,
  invalidDns: (dns: string) => `Invalid domain name format encountered at ${dns}.`,
  notJsonArray: "Request body must be a JSON array.",
  missingKey: "Missing api_key header.",
  wrongKey: "Invalid API key.",
};

export const MAX_ITEMS = 100;

const UPN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DNS = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
export const isUpn = (s: string) => UPN.test(s);
export const isDns = (s: string) => DNS.test(s);
