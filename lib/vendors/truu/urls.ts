export type QueryValues = Record<string, string | readonly string[] | undefined>;

/**
 * A TruU URL. The trailing slash is not optional: without it TruU answers 301
 * with no results, and following the redirect could drop the Authorization
 * header. Repeated values become repeated parameters (`guids=a&guids=b`).
 */
export function truuUrl(baseUrl: string, segments: readonly string[], query: QueryValues = {}): string {
  const path = segments.map((s) => encodeURIComponent(s)).join("/");
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of typeof value === "string" ? [value] : value) params.append(key, v);
  }
  const qs = params.toString();
  return `${baseUrl.replace(/\/+$/, "")}/${path}/${qs ? `?${qs}` : ""}`;
}
