/** The items in consecutive parts of at most `size` (the last may be shorter); none for no items. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new RangeError(`chunk: a part holds at least one item, not ${size}.`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** At most `shown` lines, then one saying how many more there are: a toast stays readable for a thousand failures. */
export function firstFew(lines: readonly string[], shown = 5): string[] {
  if (lines.length <= shown) return [...lines];
  return [...lines.slice(0, shown), `… and ${lines.length - shown} more`];
}
