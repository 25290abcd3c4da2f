/** How the assets table reads its search box: an exact address (index look-up) or any text. */
export type AssetSearch =
  | { kind: "ip"; ip: string }
  | { kind: "mac"; variants: string[] }
  | { kind: "text"; text: string };

const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f]*:[0-9a-f:.]*$/i;

/**
 * A full IPv4/IPv6 address or MAC address becomes an exact match. A MAC is
 * written in any of its usual forms (aa:bb:…, AA-BB-…, aabb.ccdd.eeff,
 * aabbccddeeff); TruU's own form is not documented, so each spelling is tried.
 */
export function parseAssetSearch(q: string): AssetSearch | null {
  const s = q.trim();
  if (!s) return null;
  const hex = s.replace(/[:.\-\s]/g, "");
  if (
    /^[0-9a-f]{12}$/i.test(hex) &&
    /^[0-9a-f]{2}([:-]?)[0-9a-f]{2}(\1[0-9a-f]{2}){4}$|^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$|^[0-9a-f]{12}$/i.test(s)
  ) {
    const pairs = hex.match(/../g)!;
    const variants = new Set<string>();
    for (const p of [pairs.map((x) => x.toLowerCase()), pairs.map((x) => x.toUpperCase())]) {
      variants.add(p.join(":"));
      variants.add(p.join("-"));
      variants.add(p.join(""));
    }
    return { kind: "mac", variants: [...variants] };
  }
  if (IPV4.test(s) && s.split(".").every((o) => Number(o) <= 255)) return { kind: "ip", ip: s };
  if ((IPV6.test(s) && s.includes("::")) || (IPV6.test(s) && s.split(":").length === 8))
    return { kind: "ip", ip: s.toLowerCase() };
  return { kind: "text", text: s };
}
