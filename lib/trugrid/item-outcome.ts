import { type ItemOutcome, itemsOutcome } from "../operations/outcome";

export type { ItemOutcome, ItemsOutcome as BulkOutcome } from "../operations/outcome";

/** TruGrid's status per item, verbatim, as an event's after records them. */
export const statusesOf = (items: ItemOutcome[]) => Object.fromEntries(items.map((i) => [i.item, i.status]));

/**
 * The after of a per-user change (MFA or UDP on or off), from the users page
 * or a CSV row alike: each user's status, and the users it succeeded for,
 * which its undo turns back (flipInput).
 */
export function userChangeAfter(items: ItemOutcome[]) {
  return { statuses: statusesOf(items), succeeded: items.filter((i) => i.ok).map((i) => i.item) };
}

/** TruGrid answers per item: see itemsOutcome. */
export const summarise = (items: ItemOutcome[], what: string) => itemsOutcome("trugrid", items, what);
