import { VendorError } from "../core/vendor-error";
import type { Connection } from "./schemas";

/** Twingate's usual page size (Terraform provider, CLI). */
export const PAGE_SIZE = 50;

/**
 * Walks a Relay connection: first page, then `after: endCursor` until
 * hasNextPage is false. A page that claims more but gives no new cursor
 * ends the walk with an error instead of looping forever.
 */
export async function collectAll<T>(
  operation: string,
  fetchPage: (after: string | null) => Promise<Connection<T>>,
): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Connection<T> = await fetchPage(after);
    for (const e of page.edges) out.push(e.node);
    if (!page.pageInfo.hasNextPage) return out;
    after = nextCursor(operation, page, after);
  }
}

/** The cursor of the page after `page`; an error when the vendor claims more but does not advance. */
export function nextCursor(
  operation: string,
  page: { pageInfo: { endCursor: string | null } },
  after: string | null,
): string {
  const next = page.pageInfo.endCursor;
  if (!next || next === after) {
    throw new VendorError({
      vendor: "twingate",
      operation,
      kind: "invalid_response",
      status: 200,
      retryable: false,
      vendorMessage: "hasNextPage is true but endCursor does not advance",
    });
  }
  return next;
}
