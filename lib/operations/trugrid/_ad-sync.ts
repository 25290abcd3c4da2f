import { z } from "zod";
import type { AuditTarget } from "../../audit/event";
import type { AuditAction } from "../../audit/event-types";
import { statusesOf } from "../../trugrid/item-outcome";
import type { TruGridClient } from "../../vendors/trugrid";
import type { ItemResult } from "../../vendors/trugrid/item-results";
import type { CacheContext, Done, OperationDef, Outcome, Sent } from "../operation";
import { domainChange } from "./_domain";
import { outcomes } from "./_user-state";

// TruGrid's "sync added" calls: objects newly added in Active Directory are
// taken into TruGrid by name. Domain-wide configuration, so admins only;
// TruGrid answers per name, and has no call that takes one out again.

export type Named = { name: string };
/** Whether the cache already knew the name before the sync (null: the cache cannot tell, TruGrid lists none). */
export type Known = { known: boolean | null };

/** A name as typed, one per line or comma-separated (TruGrid checks it). */
export const AdName = z.string().trim().min(1).max(253);

const asItems = <A, S>(done: Done<Named, S, A>[]) =>
  done.map((d) => ({ item: d.item.name, status: d.outcome.message, ok: d.outcome.ok }));

export function adSync<A = unknown>(o: {
  id: AuditAction;
  label: string;
  help: string;
  name: z.ZodType<string>;
  empty: string;
  target: (name: string) => AuditTarget;
  send: (c: TruGridClient, names: string[]) => Promise<ItemResult<unknown>[]>;
  /** The names (lower-cased) the cache already knows, of those given; absent: the cache knows none of this kind. */
  known?: (ctx: CacheContext, names: string[]) => Promise<Set<string>>;
  /** More than the sync, for the names TruGrid took (the users' first read). */
  read?: (c: TruGridClient, sent: Sent<Named, Known>[], out: Outcome<A>[]) => Promise<Outcome<A>[]>;
  cache?: OperationDef<Named, Known, A>["cache"];
  done: string;
  result?: OperationDef<Named, Known, A>["result"];
}): OperationDef<Named, Known, A> {
  return {
    ...domainChange(o),
    idempotent: true,
    input: z.object({ name: o.name }),
    list: { field: "names", of: "name", max: 500, empty: o.empty },
    chunk: 100,
    before: async (ctx, items) => {
      const known = o.known
        ? await o.known(
            ctx,
            items.map((i) => i.name),
          )
        : null;
      return items.map((i) => ({ state: { known: known ? known.has(i.name.toLowerCase()) : null } }));
    },
    expect: () => ({ synced: "yes" }),
    call: async (ctx, chunk) => {
      const c = ctx.client as TruGridClient;
      const out = outcomes(
        await o.send(
          c,
          chunk.map((s) => s.item.name),
        ),
      ) as Outcome<A>[];
      return o.read ? o.read(c, chunk, out) : out;
    },
    cache: o.cache,
    irreversible: "TruGrid has no call that takes a synced object out again.",
    audit: {
      targets: (i) => [o.target(i.name)],
      // Which names the last sync already saw in TruGrid: a sync of those changes nothing.
      before: (sent) =>
        o.known
          ? { alreadyKnown: sent.filter((s) => s.state?.known).map((s) => s.item.name) }
          : { alreadyKnown: null, why: "TruGrid has no call that lists these: the cache cannot tell." },
      after: (done) => ({ statuses: statusesOf(asItems(done)) }),
    },
    done: o.done,
    result: o.result,
  };
}

/** Per-name outcomes, as a toast and an event name them. */
export { asItems as namedOutcomes };
