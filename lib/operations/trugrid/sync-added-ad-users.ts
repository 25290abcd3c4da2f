import { Upn } from "../../people/upn";
import { upsertLogonIps } from "../../trugrid/cache";
import { summarise } from "../../trugrid/item-outcome";
import { trugridUserTarget } from "../../trugrid/targets";
import type { UserLogonIp } from "../../vendors/trugrid";
import { adSync, namedOutcomes } from "./_ad-sync";

/** A synced user's logon IPs, the only user read TruGrid has; `unread` when that read failed. */
type Read = { logon?: UserLogonIp; unread?: true };

const lc = (s: string) => s.toLowerCase();

/** Newly synced users become visible in the users table at once: their logon IPs are read and cached. */
export default adSync<Read>({
  id: "trugrid.ad.users_synced",
  label: "Sync users added in AD",
  help: "Takes users newly added in Active Directory into TruGrid by UPN, and reads them into the users table.",
  name: Upn,
  empty: "Enter at least one UPN.",
  target: (n) => trugridUserTarget(n),
  send: (c, names) => c.syncAddedAdUsers(names),
  known: async (ctx, names) => {
    const users = await ctx.db.trugridUser.findMany({
      where: { tenantId: ctx.tenantId, deletedAt: null, emailNorm: { in: names.map(lc) } },
      select: { emailNorm: true },
    });
    return new Set(users.map((u) => u.emailNorm));
  },
  read: async (c, sent, out) => {
    const taken = sent.filter((_, i) => out[i]?.ok).map((s) => s.item.name);
    if (!taken.length) return out;
    let read: Read = { unread: true };
    let byUpn = new Map<string, UserLogonIp>();
    try {
      byUpn = new Map((await c.getUserLogonIp(taken)).map((u) => [lc(u.upn), u]));
      read = {};
    } catch {
      // The users are in TruGrid; the next sync brings them into the table.
    }
    return out.map((o, i) => {
      const logon = byUpn.get(lc(sent[i]?.item.name ?? ""));
      return o.ok ? { ...o, answer: logon ? { logon } : read } : o;
    });
  },
  cache: async (ctx, done) => {
    const users = done.flatMap((d) => (d.outcome.answer?.logon ? [d.outcome.answer.logon] : []));
    await upsertLogonIps(ctx.db, ctx.tenantId, users);
  },
  done: "Users synced from AD",
  result: (done) => {
    const out = summarise(namedOutcomes(done), "Users synced from AD");
    return done.some((d) => d.outcome.answer?.unread)
      ? { ...out, message: `${out.message} (they appear in the users table after the next TruGrid sync)` }
      : out;
  },
});
