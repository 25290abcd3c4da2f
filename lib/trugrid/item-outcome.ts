import { ActionError } from "../actions/result";

/** One item of a bulk call as the console shows it: what was sent and TruGrid's status, verbatim. */
export interface ItemOutcome {
  item: string;
  status: string;
  ok: boolean;
}

export interface BulkOutcome {
  items: ItemOutcome[];
  succeeded: string[];
  failed: string[];
  /** For the toast: TruGrid's statuses, never a paraphrase. */
  message: string;
}

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

/** Lines of "item: status" for the items that failed, kept short enough for a toast and an audit reason. */
function failureLines(items: ItemOutcome[]): string {
  const failed = items.filter((i) => !i.ok);
  const shown = failed.slice(0, 5).map((i) => `${i.item}: ${i.status}`);
  if (failed.length > 5) shown.push(`… and ${failed.length - 5} more`);
  return shown.join("\n");
}

/**
 * TruGrid answers per item and never fails the whole call for one item. When
 * every item was refused, nothing changed: that is a failed action, its
 * reason the vendor's statuses. Otherwise it succeeded, and the message says
 * which items TruGrid refused and why.
 */
export function summarise(items: ItemOutcome[], what: string): BulkOutcome {
  const succeeded = items.filter((i) => i.ok).map((i) => i.item);
  const failed = items.filter((i) => !i.ok).map((i) => i.item);
  if (items.length > 0 && succeeded.length === 0) {
    throw new ActionError(items.length === 1 ? `TruGrid refused: ${items[0].status}` : `TruGrid refused all ${items.length}:\n${failureLines(items)}`);
  }
  const message = items.length === 1
    ? `${what}: ${items[0].item}. TruGrid: ${items[0].status}`
    : failed.length === 0
      ? `${what} for ${succeeded.length}. TruGrid: ${distinct(items)}`
      : `${what} for ${succeeded.length} of ${items.length}. TruGrid refused ${failed.length}:\n${failureLines(items)}`;
  return { items, succeeded, failed, message };
}

function distinct(items: ItemOutcome[]): string {
  return [...new Set(items.map((i) => i.status))].slice(0, 3).join(" · ");
}
