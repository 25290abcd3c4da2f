import type { VendorId } from "../vendors/connection-fields";

/**
 * Documented admin operations the catalogue does not offer, and why: the coverage table in the README lists them
 * beside the catalogue's, so that what is missing is named rather than forgotten.
 */
export interface LeftOut {
  vendor: VendorId;
  /** The vendor's name for it (a route or a mutation). */
  operation: string;
  why: string;
}

export const LEFT_OUT: readonly LeftOut[] = [
  {
    vendor: "twingate",
    operation: "userResetMfa",
    why: "Not in Twingate's documented schema; one third-party client calls it, unconfirmed.",
  },
  {
    vendor: "twingate",
    operation: "users filtered by type",
    why: "In the changelog, not in the schema we have: the users page filters the cache by source instead.",
  },
  {
    vendor: "jumpcloud",
    operation: "a password column when creating users from a sheet",
    why:
      "A sheet's rows are kept in the console's database for the job's plan and results, so a password never " +
      "travels in one: set a temporary password on the user's page instead.",
  },
  {
    vendor: "jumpcloud",
    operation: "Workday, G Suite, Office 365, provider (MSP billing) integrations, software apps",
    why: "Outside a helpdesk's day: set up once in JumpCloud's own console.",
  },
  {
    vendor: "truu",
    operation: "GET domain user device (one device by id)",
    why: "The user's check at TruU reads all their devices at once through the data API.",
  },
];
