/**
 * A table view in words, read from the table's own controls as they show it now ("Type: Windows (TPM)", "sorted by
 * Last heard, newest first"), for the save-view dialog: a technician reads what they keep, not a query string.
 */
export function viewWords(root: Element | null, query: string): string[] {
  if (!root) return [];
  const params = new URLSearchParams(query);
  const words: string[] = [];
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[data-url-param]")) {
    if (!el.value) continue;
    if (el instanceof HTMLSelectElement) words.push(el.selectedOptions[0]?.textContent ?? el.value);
    else words.push(`${el.getAttribute("aria-label") ?? "Search"}: “${el.value}”`);
  }
  const sorted = root.querySelector("th[aria-sort]");
  if (sorted && params.has("sort")) {
    const order = sorted.getAttribute("aria-sort") === "ascending" ? "ascending" : "descending";
    words.push(`Sorted by ${sorted.textContent?.trim() || "a column"}, ${order}`);
  }
  const hidden = (params.get("hide") ?? "").split(",").filter(Boolean);
  if (hidden.length) {
    const labels = JSON.parse(root.getAttribute("data-column-labels") ?? "{}") as Record<string, string>;
    words.push(`Columns hidden: ${hidden.map((id) => labels[id] ?? id).join(", ")}`);
  }
  return words;
}
