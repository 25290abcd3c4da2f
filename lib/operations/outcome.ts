import { ActionError } from "../actions/result";
import { firstFew } from "../lists/chunk";
import { VENDOR_LABEL, type VendorId } from "../vendors/connection-fields";

/** One item of a call as the console shows it: what was sent and the vendor's status, verbatim. */
export interface ItemOutcome {
  item: string;
  status: string;
  ok: boolean;
}

/** What a page's action returns for a change of many items. */
export interface ItemsOutcome {
  items: ItemOutcome[];
  succeeded: string[];
  failed: string[];
  /** For the toast: the vendor's statuses, never a paraphrase. */
  message: string;
}

/** Lines of "item: status" for the items that failed, kept short enough for a toast and an audit reason. */
function failureLines(items: ItemOutcome[]): string {
  return firstFew(items.filter((i) => !i.ok).map((i) => `${i.item}: ${i.status}`)).join("\n");
}

const distinct = (items: ItemOutcome[]) => [...new Set(items.map((i) => i.status))].slice(0, 3).join(" · ");

/**
 * A vendor that answers per item (TruGrid) never fails a whole call for one
 * item. When every item was refused nothing changed: that is a failed
 * action, its reason the vendor's statuses. Otherwise it succeeded, and the
 * message says which items the vendor refused and why.
 */
export function itemsOutcome(vendor: VendorId, items: ItemOutcome[], what: string): ItemsOutcome {
  const label = VENDOR_LABEL[vendor];
  const succeeded = items.filter((i) => i.ok).map((i) => i.item);
  const failed = items.filter((i) => !i.ok).map((i) => i.item);
  const [only] = items;
  if (only && succeeded.length === 0) {
    throw new ActionError(
      items.length === 1
        ? `${label} refused: ${only.status}`
        : `${label} refused all ${items.length}:\n${failureLines(items)}`,
    );
  }
  const message =
    items.length === 1 && only
      ? `${what}: ${only.item}. ${label}: ${only.status}`
      : failed.length === 0
        ? `${what} for ${succeeded.length}. ${label}: ${distinct(items)}`
        : `${what} for ${succeeded.length} of ${items.length}. ${label} refused ${failed.length}:\n` +
          failureLines(items);
  return { items, succeeded, failed, message };
}
