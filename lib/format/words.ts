// Vendor enum values as a technician reads them: `PENDING_ACTIVATION` → "Pending activation". The raw value stays
// in a tooltip where it is shown (components/ui/words.tsx), for a search in the vendor's own console or docs.

/** Values whose words are not their letters lower-cased: brand names, acronyms, and states a vendor names oddly. */
const KNOWN: Record<string, string> = {
  ACTIVATED: "Active",
  ANDROID: "Android",
  IOS: "iOS",
  IPADOS: "iPadOS",
  MAC_OS: "macOS",
  MACOS: "macOS",
  MAC: "Mac",
  MAC_TPM: "Mac (TPM)",
  WINDOWS_TPM: "Windows (TPM)",
  WINDOWS: "Windows",
  LINUX: "Linux",
  CHROME_OS: "ChromeOS",
  CHROMEOS: "ChromeOS",
  DEVADMIN: "Developer admin",
  SCIM: "SCIM",
  MANUAL: "Manual",
  SYSTEM: "System",
  SYNCED: "Synced",
};

/** Words within a value spelled as their owners spell them: the vendors' names (`trugrid_user` → "TruGrid user"). */
const BRANDS: Record<string, string> = {
  trugrid: "TruGrid",
  truu: "TruU",
  twingate: "Twingate",
  jumpcloud: "JumpCloud",
};
const BRAND_WORD = new RegExp(`\\b(${Object.keys(BRANDS).join("|")})\\b`, "g");

/** Words for an enum value: known ones as the vendor's brand spells them, else sentence case with spaces. */
export function words(value: string | null | undefined): string {
  if (!value) return "";
  const known = KNOWN[value.toUpperCase()];
  if (known) return known;
  // Already words (a vendor that sends "Active" or "laptop"): only the first letter raised.
  const spaced = value.includes("_") || value === value.toUpperCase() ? value.replace(/_/g, " ").toLowerCase() : value;
  const branded = spaced.replace(BRAND_WORD, (w) => BRANDS[w] ?? w);
  return branded.charAt(0).toUpperCase() + branded.slice(1);
}
