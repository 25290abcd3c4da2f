import { ActionError } from "../../actions/result";
import { VENDOR_LABEL } from "../connection-fields";
import { VendorError } from "./vendor-error";

/**
 * What staff are told when a vendor call fails, on every surface (a page's
 * toast, a bulk row, a runbook step, the audit reason): the vendor's own
 * words, and what to do when the failure is a limit or an unknown outcome.
 */
export function vendorMessage(err: VendorError): string {
  const label = VENDOR_LABEL[err.vendor];
  const i = err.info;
  const http = i.status ? ` (HTTP ${i.status})` : "";
  if (i.status === 429) return rateLimited(err, label, http);
  if (i.kind === "timeout") {
    const unknown = "the change may or may not have been made. Check before retrying.";
    return `${label} did not answer in time; ${unknown} (${i.vendorMessage})`;
  }
  // An answer that says the operation failed (Twingate's `ok: false`, GraphQL errors): a refusal, not a lost call.
  if (i.kind === "vendor") return `${label} refused: ${i.vendorMessage}`;
  return `${label} answered: ${i.vendorMessage}${http}`;
}

function rateLimited(err: VendorError, label: string, http: string): string {
  const seconds = err.info.retryAfterMs === undefined ? null : Math.max(1, Math.ceil(err.info.retryAfterMs / 1000));
  // Twingate's budget is per API token and shared with the sync: say which budget ran out.
  if (err.vendor === "twingate") {
    const wait = seconds === null ? " Try again in a minute." : ` Try again in about ${seconds} s.`;
    const budget = "Twingate is rate-limiting this tenant's API token (60 reads and 20 writes a minute)";
    return `${budget}: ${err.vendorMessage}.${wait}`;
  }
  const wait =
    seconds === null ? " Try again in a minute." : ` ${label} asks to wait ${seconds} s before trying again.`;
  return `${label} answered: ${err.vendorMessage}${http}.${wait}`;
}

/** Any failure as staff read it: a vendor's in its words, anything else by its message. */
export function failureMessage(err: unknown): string {
  if (err instanceof VendorError) return vendorMessage(err);
  return err instanceof Error ? err.message : String(err);
}

/** No answer came back: a write may or may not have been made, so it is checked, never resent blindly. */
export function inDoubt(err: unknown): boolean {
  return err instanceof VendorError && (err.info.kind === "timeout" || err.info.kind === "network");
}

/** A vendor failure as the refusal a server action returns (toast and audit reason); anything else unchanged. */
export function asActionError(err: unknown): unknown {
  return err instanceof VendorError ? new ActionError(vendorMessage(err), { cause: err }) : err;
}

/** Runs vendor calls, turning a vendor failure into the refusal staff see. */
export async function inVendorWords<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw asActionError(err);
  }
}
