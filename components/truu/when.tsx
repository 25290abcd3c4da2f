/** Relative time ("3 d ago") measured from the server's `now`, with the exact UTC time on hover and for screen readers. */
export function When({ at, now }: { at: Date | string | null | undefined; now: number }) {
  if (!at) return <span className="text-muted-foreground">never</span>;
  const d = typeof at === "string" ? new Date(at) : at;
  const iso = d.toISOString();
  const exact = iso.replace("T", " ").slice(0, 19) + " UTC";
  return <time dateTime={iso} title={exact} aria-label={exact}>{relative(now - d.getTime())}</time>;
}

export function relative(ms: number): string {
  const future = ms < 0;
  const s = Math.abs(ms) / 1000;
  const [n, unit] = s < 60 ? [s, "s"] : s < 3600 ? [s / 60, "min"] : s < 86_400 ? [s / 3600, "h"] : s < 86_400 * 60 ? [s / 86_400, "d"] : s < 86_400 * 730 ? [s / (86_400 * 30.44), "mo"] : [s / (86_400 * 365.25), "y"];
  const text = `${Math.floor(n)} ${unit}`;
  return future ? `in ${text}` : `${text} ago`;
}
