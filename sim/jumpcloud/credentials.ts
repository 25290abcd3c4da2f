/** Keys and organisations the JumpCloud simulator accepts (printed by the start script). */
export const JUMPCLOUD_SIM_CREDENTIALS = {
  /** An admin of one organisation: x-org-id may be omitted. */
  apiKey: "jca_simSingleOrgAdminKey0000000000000000",
  /** A multi-tenant (MSP) admin: every request needs x-org-id. */
  mspApiKey: "jca_simMspAdminKey000000000000000000000000",
} as const;

/** Fixed organisation ids: the first is the single-org key's own organisation. */
export const JUMPCLOUD_SIM_ORG_IDS = [
  "64a1f0c2e4b0a1b2c3d4e501",
  "64a1f0c2e4b0a1b2c3d4e502",
  "64a1f0c2e4b0a1b2c3d4e503",
] as const;

export interface JumpCloudSimCredentials {
  apiKey: string;
  mspApiKey: string;
}
