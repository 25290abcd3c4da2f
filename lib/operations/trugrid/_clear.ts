import { z } from "zod";
import type { AuditAction } from "../../audit/event-types";
import { statusesOf, summarise } from "../../trugrid/item-outcome";
import type { TruGridClient } from "../../vendors/trugrid";
import type { ItemResult } from "../../vendors/trugrid/item-results";
import type { CacheContext, CsvSpec, Done, InverseSpec, OperationDef } from "../operation";
import { type Clear, confirmed, domainChange, domainOf, domainTarget, perGroup } from "./_domain";

type Answer = ItemResult<string | undefined>[];
export type ClearState<B> = { domain: string; cached: B };
export type ClearDone<B> = Done<Clear, ClearState<B>, Answer>;

/** TruGrid's verdict per group of a clear (the page's toast and the event's after). */
export const groupsOf = (d: ClearDone<unknown> | undefined) => perGroup(d?.item.groups ?? [], d?.outcome.answer ?? []);

/**
 * A clear of chosen groups' associations, or of every group's when none is
 * given (then the domain's name must be typed). One item is the request;
 * TruGrid answers per group, and the clear failed only when it refused every
 * group: the page's result says so in TruGrid's words (summarise).
 */
export function clearOperation<B>(o: {
  id: AuditAction;
  label: string;
  help: string;
  /** The audit target type of a chosen group. */
  groupType: string;
  /** Said when the whole domain is asked for without its name typed. */
  unconfirmed: (domain: string) => string;
  send: (c: TruGridClient, groups: string[]) => Promise<Answer>;
  /** What the cache held before, for the event's before (absent: nothing is recorded). */
  cached?: (ctx: CacheContext, item: Clear) => Promise<B>;
  auditBefore?: (cached: B) => unknown;
  cache?: OperationDef<Clear, ClearState<B>, Answer>["cache"];
  done: string;
  /** What the toast adds after TruGrid's words. */
  note?: (d: ClearDone<B>) => string;
  /** What puts back what the event recorded it cleared; absent: nothing can. */
  inverse?: InverseSpec;
  /** A sheet of groups to clear, one per row. */
  csv?: CsvSpec<Clear, ClearState<B>, { group: string }>;
}): OperationDef<Clear, ClearState<B>, Answer> {
  return {
    ...domainChange(o),
    ...(o.inverse
      ? { risk: "reversible" as const, inverse: o.inverse }
      : { irreversible: "TruGrid cannot list what a group had once cleared, so nothing can set it back." }),
    ...(o.csv ? { csv: o.csv } : {}),
    idempotent: false,
    input: z.object({
      groups: z.array(z.string().trim().min(1)).max(500),
      confirm: z.string().trim().optional(),
    }),
    chunk: 1,
    before: async (ctx, items) => {
      const domain = await domainOf(ctx);
      return Promise.all(
        items.map(async (i) =>
          i.groups.length === 0 && !confirmed(i.confirm, domain)
            ? { refused: o.unconfirmed(domain) }
            : { state: { domain, cached: (await o.cached?.(ctx, i)) as B } },
        ),
      );
    },
    expect: () => ({ associations: "none" }),
    // TruGrid answered: its verdict per group is the answer, which the result reports.
    call: async (ctx, [s]) => [
      { ok: true, message: "", answer: await o.send(ctx.client as TruGridClient, s?.item.groups ?? []) },
    ],
    cache: o.cache,
    audit: {
      targets: (i, state, _answer, tenantId) =>
        i.groups.length ? i.groups.map((g) => ({ type: o.groupType, id: g })) : [domainTarget(state?.domain, tenantId)],
      before: ([s]) => (s && o.auditBefore ? o.auditBefore(s.state.cached) : undefined),
      // `cleared`: the groups TruGrid said it cleared (an undo sets back only theirs).
      after: ([d]) => {
        const groups = groupsOf(d);
        return { statuses: statusesOf(groups), cleared: groups.filter((g) => g.ok).map((g) => g.item) };
      },
    },
    done: o.done,
    result: ([d]) => {
      const out = summarise(groupsOf(d), o.done);
      return d && o.note ? { ...out, message: `${out.message} ${o.note(d)}` } : out;
    },
  };
}
