import { words } from "../format/words";
import { operationById } from "../operations/catalogue";
import { VENDOR_LABEL, type VendorId } from "../vendors/connection-fields";

/** An action as words: an operation's own label with its vendor, else its id's parts ("Staff signed in"). */
export function actionText(action: string): string {
  const op = operationById(action);
  if (op) return `${VENDOR_LABEL[op.vendor]}: ${op.label}`;
  const [first = "", ...rest] = action.split(".");
  return first in VENDOR_LABEL
    ? `${VENDOR_LABEL[first as VendorId]}: ${words(rest.join("_"))}`
    : words(action.replace(/\./g, "_"));
}
