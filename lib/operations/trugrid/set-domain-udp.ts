import { z } from "zod";
import { recordDomainUdp } from "../../trugrid/user-state";
import type { TruGridClient } from "../../vendors/trugrid";
import type { ItemResult } from "../../vendors/trugrid/item-results";
import { operation } from "../operation";
import { confirmed, domainChange, domainOf, domainTarget } from "./_domain";

type Item = { on: boolean; confirm: string };
type Answer = ItemResult<string | undefined>[];

const verb = (on: boolean) => (on ? "on" : "off");

/**
 * Every user of the domain: an admin's change, confirmed by typing the
 * domain name, which is checked here too, not only in the dialog. TruGrid
 * answers per user it touched; the change failed only when it refused them all.
 */
export default operation<Item, { domain: string }, Answer>({
  ...domainChange({
    id: "trugrid.udp.set_for_domain",
    label: "Set RDP over UDP for every user of the domain",
    help:
      "Turns RDP over UDP on or off for every user of the TruGrid domain, " +
      "including users the console has not synced.",
  }),
  idempotent: true,
  input: z.object({ on: z.boolean(), confirm: z.string().trim() }),
  chunk: 1,
  before: async (ctx, items) => {
    const domain = await domainOf(ctx);
    return items.map((i) =>
      confirmed(i.confirm, domain)
        ? { state: { domain } }
        : { refused: `Type the domain name (${domain}) to confirm.` },
    );
  },
  expect: (i) => ({ udp: verb(i.on) }),
  call: async (ctx, [s]) => {
    const c = ctx.client as TruGridClient;
    const answer = await (s?.item.on ? c.enableUdp([]) : c.disableUdp([]));
    const refused = answer.filter((r) => !r.ok);
    const all = answer.length > 0 && refused.length === answer.length;
    const statuses = [...new Set(answer.map((r) => r.status))].slice(0, 3).join(" · ");
    return [{ ok: !all, message: all ? (refused[0]?.status ?? "") : statuses, answer }];
  },
  // Every user the cache knows now has what the domain was set to.
  cache: async (ctx, done) => {
    for (const d of done) await recordDomainUdp(ctx.db, ctx.tenantId, d.item.on, ctx.actor);
  },
  irreversible: "TruGrid cannot tell what each user had before, so no single call puts the domain back as it was.",
  audit: {
    targets: (_i, state, _answer, tenantId) => [domainTarget(state?.domain, tenantId)],
    before: () => ({ udp: "unknown per user" }),
    after: ([d]) => {
      const answer = d?.outcome.answer ?? [];
      const refused = answer.filter((r) => !r.ok).map((r) => `${r.item ?? "?"}: ${r.status}`);
      return { udp: verb(d?.item.on ?? false), items: answer.length, refused: refused.slice(0, 50) };
    },
  },
  done: "RDP over UDP set for the domain",
  result: ([d]) => {
    const answer = d?.outcome.answer ?? [];
    const refused = answer.filter((r) => !r.ok).length;
    const answered = answer.length ? ` (${answer.length} answered)` : "";
    return {
      message:
        `RDP over UDP turned ${verb(d?.item.on ?? false)} for every user of ${d?.state.domain}${answered}. ` +
        `TruGrid: ${d?.outcome.message || "no items echoed"}${refused ? `; refused ${refused}` : ""}`,
    };
  },
});
