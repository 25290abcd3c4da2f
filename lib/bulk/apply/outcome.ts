import { VendorError } from "../../vendors/core/vendor-error";
import { vendorMessage } from "../../vendors/core/vendor-message";
import type { BulkOperation } from "../operation";

/** What a whole-chunk failure means per row: an unanswered non-repeatable change is in doubt, anything else failed. */
export function chunkFailure(
  op: BulkOperation<Record<string, unknown>>,
  err: unknown,
): { status: "failed" | "unknown"; message: string } {
  if (err instanceof VendorError) {
    const inDoubt = !op.repeatable && (err.info.kind === "timeout" || err.info.kind === "network");
    return {
      status: inDoubt ? "unknown" : "failed",
      message: inDoubt
        ? `No answer from the vendor (${err.vendorMessage}); it may or may not have applied this row. ` +
          "Check, then retry if needed."
        : // The page's wording of the same failure ("Twingate answered: … (HTTP 500)"), one helper for every surface.
          vendorMessage(err),
    };
  }
  return { status: "failed", message: err instanceof Error ? err.message : String(err) };
}
