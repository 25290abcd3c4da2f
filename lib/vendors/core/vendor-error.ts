import type { VendorId } from "../connection-fields";

export type VendorErrorKind =
  /** The vendor answered with an error status or an error payload. */
  | "http"
  /** The vendor answered 200 but the body says the operation failed (Twingate `ok:false`, GraphQL `errors`). */
  | "vendor"
  /** No answer: connection refused, reset, DNS. */
  | "network"
  /** No answer within the time limit; the outcome of a write is unknown. */
  | "timeout"
  /** An answer that is not the documented shape. */
  | "invalid_response";

export interface VendorErrorInfo {
  vendor: VendorId;
  operation: string;
  kind: VendorErrorKind;
  /** HTTP status, when there was an answer. */
  status: number | null;
  /** The vendor's own words, verbatim where it gave any. */
  vendorMessage: string;
  /** Whether sending the same request again may succeed. */
  retryable: boolean;
  /** From Retry-After, when the vendor said how long to wait. */
  retryAfterMs?: number;
}

/** The one error every vendor client throws. */
export class VendorError extends Error {
  readonly info: VendorErrorInfo;
  constructor(info: VendorErrorInfo, options?: { cause?: unknown }) {
    super(
      `${info.vendor} ${info.operation}: ${info.vendorMessage}${info.status ? ` (HTTP ${info.status})` : ""}`,
      options,
    );
    this.name = "VendorError";
    this.info = info;
  }
  get vendor() {
    return this.info.vendor;
  }
  get operation() {
    return this.info.operation;
  }
  get status() {
    return this.info.status;
  }
  get vendorMessage() {
    return this.info.vendorMessage;
  }
  get retryable() {
    return this.info.retryable;
  }
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
