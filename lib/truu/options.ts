/** TruU's assurance levels (data API): 100 Basic, 300 Trusted, 500 Certified. */
export const ASSURANCE_LEVELS = { 100: "Basic", 300: "Trusted", 500: "Certified" } as const;
export const ASSURANCE_VALUES = ["100", "300", "500"] as const;

export function assuranceLabel(level: number | null | undefined): string | null {
  if (level === null || level === undefined) return null;
  return ASSURANCE_LEVELS[level as keyof typeof ASSURANCE_LEVELS] ?? String(level);
}

/** The device types TruU documents; any other well-formed type in a URL is still accepted as a filter. */
export const DEVICE_TYPES = ["MAC_TPM", "WINDOWS_TPM", "ANDROID"] as const;
/** "Stale": not heard from in this many days (or never). */
export const STALE_DAYS = ["7", "30", "90", "180"] as const;
