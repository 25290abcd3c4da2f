import type { FetchLike, RetryPolicy } from "./core/http";
import { JumpCloudClient } from "./jumpcloud/client";
import type { OpenConnection } from "./load-connection";
import { TruGridClient } from "./trugrid/client";
import { TruuClient } from "./truu/client";
import { TwingateClient } from "./twingate/client";

export interface ClientTuning {
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** The HTTP implementation; the global fetch by default (the sync passes a lighter one). */
  fetch?: FetchLike;
}

function required(value: string | null | undefined, what: string): string {
  if (!value) throw new Error(`The connection has no ${what}.`);
  return value;
}

/** The vendor clients of one tenant's connection, built from its opened credentials. */
export const clientsFor = {
  trugrid: (c: OpenConnection, t: ClientTuning = {}) =>
    new TruGridClient({
      baseUrl: c.baseUrl,
      credentials: {
        apiKey: required(c.secrets.apiKey, "API key"),
        domainName: required(c.settings.domainName, "domain name"),
      },
      // TruGrid's article prints a wrong route for Set Machine Associations; a deployment can name the real one.
      setMachineAssociationsRoute: process.env.TRUGRID_SET_MACHINE_ASSOCIATIONS_ROUTE || undefined,
      ...t,
    }),
  truu: (c: OpenConnection, t: ClientTuning = {}) =>
    new TruuClient({
      baseUrl: c.baseUrl,
      credentials: {
        clientId: required(c.secrets.clientId, "client ID"),
        clientSecret: required(c.secrets.clientSecret, "client secret"),
      },
      ...t,
    }),
  twingate: (c: OpenConnection, t: ClientTuning = {}) =>
    new TwingateClient({ baseUrl: c.baseUrl, credentials: { apiKey: required(c.secrets.apiKey, "API token") }, ...t }),
  jumpcloud: (c: OpenConnection, t: ClientTuning = {}) =>
    new JumpCloudClient({
      baseUrl: c.baseUrl,
      credentials: { apiKey: required(c.secrets.apiKey, "API key"), orgId: c.settings.orgId ?? undefined },
      ...t,
    }),
};
