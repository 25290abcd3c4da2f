import { z } from "zod";
import { allowedIpTarget, externalDnsTarget } from "../../sync/trugrid/targets";
import { replaceValues } from "../../trugrid/cache";
import type { TruGridClient } from "../../vendors/trugrid";
import { operation } from "../operation";
import { domainTarget } from "./_domain";

type Lists = { ips: string[]; dns: string[] };
const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/** Re-reads the IP allow-list and the external DNS names into the cache. A read. */
export default operation<Record<string, never>, null, Lists>({
  id: "trugrid.allow_list.read",
  vendor: "trugrid",
  label: "Read the allow-lists",
  help: "Reads the domain's IP allow-list and external DNS names from TruGrid into the console's cache.",
  perm: "trugrid.read",
  risk: "read",
  idempotent: true,
  input: z.object({}),
  chunk: 1,
  before: async (_ctx, items) => items.map(() => ({ state: null })),
  expect: () => ({ cache: "as TruGrid lists it" }),
  call: async (ctx) => {
    const c = ctx.client as TruGridClient;
    const [ips, dns] = await Promise.all([c.ipWhitelist(), c.externalResources()]);
    return [{ ok: true, message: `${ips.length + dns.length} listed`, answer: { ips, dns } }];
  },
  // Whole lists, as the sync writes them: what TruGrid no longer lists is marked deleted.
  cache: async (ctx, done) => {
    for (const d of done) {
      await replaceValues(ctx.db, ctx.tenantId, allowedIpTarget, d.outcome.answer?.ips ?? []);
      await replaceValues(ctx.db, ctx.tenantId, externalDnsTarget, d.outcome.answer?.dns ?? []);
    }
  },
  audit: {
    targets: (_i, _s, _answer, tenantId) => [domainTarget(undefined, tenantId)],
    before: () => undefined,
    after: ([d]) =>
      d ? { allowedIps: d.outcome.answer?.ips.length ?? 0, externalDns: d.outcome.answer?.dns.length ?? 0 } : undefined,
  },
  done: "Allow-lists read",
  result: ([d]) => {
    const { ips = [], dns = [] } = d?.outcome.answer ?? {};
    return {
      message: `TruGrid lists ${plural(ips.length, "allowed IP")} and ${plural(dns.length, "external DNS name")}.`,
    };
  },
});
