/** Table keys look like `truu.devices`: they name a table, never reach SQL as anything but a value. */
export const TABLE_KEY = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*$/;

/**
 * The part of a table's URL a view keeps: every filter, sort and column
 * choice, but not the page (a view opens on its first page). Keys sorted, so
 * the same view saved twice reads the same.
 */
export function viewQuery(search: string): string {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  params.delete("page");
  const entries = [...params.entries()].filter(([, v]) => v !== "").sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(entries).toString();
}
