import { chunk as inParts } from "../../lists/chunk";
import { VendorError } from "../core/vendor-error";
import { MAX_ITEMS_PER_REQUEST } from "./routes";
import { field, type ItemStatusEntry } from "./schemas";

/** The outcome of one item of a bulk call: TruGrid answers per item rather than failing the call. */
export interface ItemResult<T> {
  item: T;
  /** The vendor's status string, verbatim ("Success.", "Error. Reason: …"). */
  status: string;
  ok: boolean;
}

export const isSuccess = (status: string) => /^Success\b/i.test(status.trim());

export function chunk<T>(items: readonly T[], size = MAX_ITEMS_PER_REQUEST): T[][] {
  return inParts(items, size);
}

/**
 * Pairs statuses with the items sent, by position: the echo around them is
 * undocumented, so position is the one thing both shapes share.
 */
export function pairResults<T>(operation: string, sent: readonly T[], got: ItemStatusEntry[]): ItemResult<T>[] {
  if (got.length !== sent.length) {
    throw new VendorError({
      vendor: "trugrid",
      operation,
      kind: "invalid_response",
      status: 200,
      retryable: false,
      vendorMessage: `sent ${sent.length} items, got ${got.length} statuses`,
    });
  }
  return sent.map((item, i) => {
    const status = (got[i] as ItemStatusEntry).status; // the lengths are equal (checked above)
    return { item, status, ok: isSuccess(status) };
  });
}

const ECHO_NAMES = ["item", "upn", "userUpn", "name", "groupName", "machineName", "dns"] as const;

/** For "empty list = everything" calls: the items are whatever the vendor says it touched. */
export function echoedResults(got: ItemStatusEntry[]): ItemResult<string | undefined>[] {
  return got.map((g) => {
    const echoed = g.echo ? field(g.echo, ECHO_NAMES) : undefined;
    return { item: typeof echoed === "string" ? echoed : undefined, status: g.status, ok: isSuccess(g.status) };
  });
}
