import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import type { SyncTarget } from "../../sync/target";
import { cacheWrite } from "../../twingate/cache";
import type { TwingateClient } from "../../vendors/twingate/client";
import type { Before, CacheContext, Done, OpContext, Outcome, Sent } from "../operation";

// What the network admin's pages (remote networks, connectors, security
// policies, resources, service accounts and their keys) share: one object
// per action, named by Twingate's id and known from the cache the sync
// keeps (vendor_object rows), one write for it, and the object as Twingate
// answered written back as the sync writes it. These shape the whole
// network, so they are for admins.

/** What every one of them declares: Twingate's, for admins, one object per write. */
export const NETWORK_OP = { vendor: "twingate", perm: "twingate.network.write", chunk: 1 } as const;

export const Id = z.string().trim().min(1).max(200);
export const Name = z.string().trim().min(1, "Enter a name.").max(200);
/** A name Twingate makes up when none is given. */
export const OptionalName = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined);
/** A form's checkbox ("on", absent) or a boolean. */
export const Flag = z
  .union([z.boolean(), z.enum(["on", "true", "false"])])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** An audit target, labelled when the label is known. */
export const ref = (type: string, id: string, label?: string | null) => ({ type, id, ...(label ? { label } : {}) });

/** An object as the cache knows it: its id, name, and the attributes the sync keeps of its kind. */
export type Cached = { vendorId: string; name: string | null; attributes: Prisma.JsonValue };

/** A cached object's attributes, as the sync's target for its kind wrote them. */
export const attributesOf = (o: Cached) => (o.attributes ?? {}) as Record<string, unknown>;

/** The cached object each item names, else the refusal the pages have always given. */
export function cachedObjects<K>(kind: string, what: string, idOf: (item: K) => string) {
  return async <I extends K>(ctx: CacheContext, items: I[]): Promise<Before<Cached, I>[]> => {
    const rows = await ctx.db.vendorObject.findMany({
      where: { tenantId: ctx.tenantId, vendor: "twingate", kind, vendorId: { in: items.map(idOf) }, deletedAt: null },
      select: { vendorId: true, name: true, attributes: true },
    });
    const byId = new Map(rows.map((r) => [r.vendorId, r]));
    return items.map((i) => {
      const state = byId.get(idOf(i));
      return state ? { state } : { refused: `No such ${what} in this tenant's cache. Sync Twingate and try again.` };
    });
  };
}

/** What a create knows before: nothing, the object is not there yet. */
export const creating = async <I>(_ctx: CacheContext, items: I[]): Promise<Before<null, I>[]> =>
  items.map(() => ({ state: null, plan: "create" as const }));

/**
 * Sends a chunk's one item; Twingate's answer is its outcome. A refusal is
 * thrown, for the page to show in Twingate's words (runOperation).
 */
export function sendOne<I, S, A>(send: (client: TwingateClient, sent: Sent<I, S>) => Promise<A>) {
  return async (ctx: OpContext, [sent]: Sent<I, S>[]): Promise<Outcome<A>[]> =>
    sent ? [{ ok: true, message: "Done at Twingate.", answer: await send(ctx.client as TwingateClient, sent) }] : [];
}

/** Writes what Twingate answered (or the part of it `of` picks) to the cache, as the sync would. */
export function cacheAnswer<T, A = T>(target: SyncTarget<T>, of: (answer: A) => T = (a) => a as unknown as T) {
  return async (ctx: CacheContext, done: Done<unknown, unknown, A>[]) => {
    for (const d of done) if (d.outcome.answer) await cacheWrite(ctx.db, ctx.tenantId, target, of(d.outcome.answer));
  };
}

/** What the first item's answer makes, for an audit or a page's result; undefined when there was none. */
export const fromAnswer =
  <I, S, A, R>(f: (answer: A, done: Done<I, S, A>) => R) =>
  (done: Done<I, S, A>[]): R | undefined => {
    const [d] = done;
    return d?.outcome.answer === undefined ? undefined : f(d.outcome.answer, d);
  };
