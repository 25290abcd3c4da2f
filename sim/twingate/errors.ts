// Business failures come back as HTTP 200 with ok:false and this text. The
// vendor documents the rules but not the wording; these are the simulator's.

export const TWINGATE_ERRORS = {
  notFound: (what: string, id: string) => `${what} with ID ${id} not found.`,
  syncedUserDelete: "Users synced from an identity provider cannot be deleted.",
  duplicateEmail: (email: string) => `A user with email ${email} already exists.`,
  remoteNetworkHasResources: "Delete all of a Remote Network's Resources before deleting the Remote Network.",
  duplicateConnectorName: (name: string) => `A Connector named ${name} already exists in this Remote Network.`,
  systemGroup: "System groups cannot be changed or deleted.",
  serviceAccountPolicy: "Security Policies and expiry can only be set for Groups, not for Service Accounts.",
  activeKeyDelete: "Service Keys must be revoked before they can be deleted.",
  blankName: "Name may not be blank.",
  badPortRange: "Port ranges must lie within 1-65535 with start <= end.",
  badExpiration: "expirationTime must be between 0 and 365 days.",
} as const;
