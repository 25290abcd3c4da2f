import { z } from "zod";
import { Upn } from "../../people/upn";
import { upsertLogonIps } from "../../trugrid/cache";
import { upnTargets } from "../../trugrid/targets";
import type { TruGridClient, UserLogonIp } from "../../vendors/trugrid";
import { operation } from "../operation";
import { domainOf, domainTarget } from "./_domain";

/** Some users, or the whole domain when no UPN is given. */
type Item = { upns: string[] };

/** Last logon IPs, read from TruGrid and cached at once (the users table's only user read). A read. */
export default operation<Item, { domain: string }, UserLogonIp[]>({
  id: "trugrid.logon_ip.looked_up",
  vendor: "trugrid",
  label: "Look up last logon IPs",
  help: "Reads the last web, desktop and mobile logon IPs of some users, or of every user of the domain.",
  perm: "trugrid.read",
  risk: "read",
  idempotent: true,
  input: z.object({
    upns: z
      .array(Upn)
      .max(1000)
      .transform((l) => [...new Set(l)]),
  }),
  chunk: 1,
  before: async (ctx, items) => {
    const domain = await domainOf(ctx);
    return items.map(() => ({ state: { domain } }));
  },
  expect: () => ({ cache: "as TruGrid lists it" }),
  call: async (ctx, [s]) => {
    const answer = await (ctx.client as TruGridClient).getUserLogonIp(s?.item.upns ?? []);
    return [{ ok: true, message: `${answer.length} listed`, answer }];
  },
  cache: async (ctx, done) => {
    for (const d of done) await upsertLogonIps(ctx.db, ctx.tenantId, d.outcome.answer ?? []);
  },
  audit: {
    // The domain is named by the tenant, as the page has always named it.
    targets: (i, _s, _answer, tenantId) => (i.upns.length ? upnTargets(i.upns) : [domainTarget(undefined, tenantId)]),
    before: () => undefined,
    after: ([d]) => (d ? { users: d.outcome.answer?.length ?? 0 } : undefined),
  },
  done: "Logon IPs looked up",
  result: ([d]) => {
    const users = d?.outcome.answer ?? [];
    const of = d?.item.upns.length ? "" : ` of ${d?.state.domain}`;
    return {
      users,
      message: `TruGrid returned the last logon IPs of ${users.length} user${users.length === 1 ? "" : "s"}${of}.`,
    };
  },
});
