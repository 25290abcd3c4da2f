import { z } from "zod";
import type { AuditTarget } from "../../audit/event";
import type { AuditAction } from "../../audit/event-types";
import { statusesOf } from "../../trugrid/item-outcome";
import type { TruGridClient } from "../../vendors/trugrid";
import type { ItemResult } from "../../vendors/trugrid/item-results";
import type { Done, OperationDef, Outcome, Sent } from "../operation";
import { domainChange } from "./_domain";
import { outcomes } from "./_user-state";

// TruGrid's "sync added" calls: objects newly added in Active Directory are
// taken into TruGrid by name. Domain-wide configuration, so admins only;
// TruGrid answers per name, and has no call that takes one out again.

export type Named = { name: string };

/** A name as typed, one per line or comma-separated (TruGrid checks it). */
export const AdName = z.string().trim().min(1).max(253);

const asItems = <A>(done: Done<Named, null, A>[]) =>
  done.map((d) => ({ item: d.item.name, status: d.outcome.message, ok: d.outcome.ok }));

export function adSync<A = unknown>(o: {
  id: AuditAction;
  label: string;
  help: string;
  name: z.ZodType<string>;
  empty: string;
  target: (name: string) => AuditTarget;
  send: (c: TruGridClient, names: string[]) => Promise<ItemResult<unknown>[]>;
  /** More than the sync, for the names TruGrid took (the users' first read). */
  read?: (c: TruGridClient, sent: Sent<Named, null>[], out: Outcome<A>[]) => Promise<Outcome<A>[]>;
  cache?: OperationDef<Named, null, A>["cache"];
  done: string;
  result?: OperationDef<Named, null, A>["result"];
}): OperationDef<Named, null, A> {
  return {
    ...domainChange(o),
    idempotent: true,
    input: z.object({ name: o.name }),
    list: { field: "names", of: "name", max: 500, empty: o.empty },
    chunk: 100,
    before: async (_ctx, items) => items.map(() => ({ state: null })),
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
      before: () => undefined,
      after: (done) => ({ statuses: statusesOf(asItems(done)) }),
    },
    done: o.done,
    result: o.result,
  };
}

/** Per-name outcomes, as a toast and an event name them. */
export { asItems as namedOutcomes };
