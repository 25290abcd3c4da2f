import { type ClientTuning, clientsFor } from "./clients";
import type { OpenConnection } from "./load-connection";

// One cheap, read-only, documented call per vendor that proves the base URL,
// the credentials and the tenant settings work together.
const PROBES: Record<OpenConnection["vendor"], (c: OpenConnection, t: ClientTuning) => Promise<string>> = {
  trugrid: async (c, t) => {
    const ips = await clientsFor.trugrid(c, t).ipWhitelist();
    return (
      `Domain ${c.settings.domainName} answered: ${ips.length} IP ` +
      `address${ips.length === 1 ? "" : "es"} on its allow-list.`
    );
  },
  truu: async (c, t) => {
    const page = await clientsFor.truu(c, t).enrolledUsersPage({}, 1);
    return `Token issued; ${page.count} enrolled user${page.count === 1 ? "" : "s"}.`;
  },
  twingate: async (c, t) => {
    const page = await clientsFor.twingate(c, t).usersPage({ first: 1 });
    return `Network answered: ${page.totalCount} user${page.totalCount === 1 ? "" : "s"}.`;
  },
  jumpcloud: async (c, t) => {
    // One user on purpose: the probe reports the total, not the users.
    const page = await clientsFor.jumpcloud(c, t).listUsers({ limit: 1 });
    return (
      `Organisation ${c.settings.orgId ?? "(the key's own)"} ` +
      `answered: ${page.total ?? "an unknown number of"} users.`
    );
  },
};

export async function probeConnection(
  c: OpenConnection,
  tuning: ClientTuning = {
    timeoutMs: 10_000,
    retry: { retries: 1, minDelayMs: 200, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 },
  },
) {
  const started = performance.now();
  const summary = await PROBES[c.vendor](c, tuning);
  return { summary, ms: Math.round(performance.now() - started) };
}
