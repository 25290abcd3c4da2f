/**
 * Whether a bulk job's results say it has run: there are results (none
 * appear until it starts), none is still pending, and, when the caller knows
 * how many items it sent, one has come back for each. The results must be
 * every page of them: a first page of finished items says nothing of the rest.
 */
export function bulkJobDone(results: readonly { status: string }[], expected?: number): boolean {
  if (results.length === 0 || (expected !== undefined && results.length < expected)) return false;
  return results.every((r) => r.status !== "pending");
}
