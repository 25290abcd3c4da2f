/** The OAuth client the TruU simulator accepts unless told otherwise. */
export const TRUU_SIM_CREDENTIALS = {
  clientId: "truu-sim-user-operations",
  clientSecret: "truu-sim-secret-0f3c9a",
} as const;

export interface TruuSimCredentials {
  clientId: string;
  clientSecret: string;
}
