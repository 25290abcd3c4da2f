// The one way the console shows a point in time: yyyy-mm-dd hh:mm (24-hour clock) in the staff member's
// zone, optionally with seconds or as the date alone, and relative ("3 d ago") for activity. Used on the
// server and in the browser alike, so both render the same text and hydration agrees.
//
// Not for values that are stored or exported (audit text, CSV, file names): those stay ISO 8601 in UTC.

export type Precision = "minute" | "second" | "date";
export type DateInput = Date | string | number | null | undefined;

/** What formatDateTime shows for a value that is absent (null, undefined, an empty string). */
export const MISSING = "—";
/** What formatDateTime shows for a value that is present but no point in time (an unparseable string). */
export const NOT_A_DATE = "not a date";

export const UTC = "UTC";

/** The value as a Date, or null when absent or unparseable. */
export function toDate(at: DateInput): Date | null {
  if (at === null || at === undefined || at === "") return null;
  const d = at instanceof Date ? at : new Date(at);
  return Number.isNaN(d.getTime()) ? null : d;
}

// Building an Intl.DateTimeFormat is costly next to formatting with one (a table renders hundreds of cells),
// so there is one per zone and shape. Only zones Intl accepted are kept, which bounds the map by the zone
// list (about 600 names and aliases × 4).
const formats = new Map<string, Intl.DateTimeFormat>();

type Shape = Precision | "offset";
const OPTIONS: Record<Shape, Intl.DateTimeFormatOptions> = {
  date: { year: "numeric", month: "2-digit", day: "2-digit" },
  // h23, not hour12: false, which some ICU versions render as "24:05" just after midnight.
  minute: { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  second: {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  },
  offset: { timeZoneName: "longOffset" },
};

/** The cached format for a zone, or null when Intl does not know the zone. */
function cachedFormat(timeZone: string, shape: Shape): Intl.DateTimeFormat | null {
  const key = `${timeZone} ${shape}`;
  let f = formats.get(key);
  if (f) return f;
  try {
    // en-US only for its numeric parts: the text is put together below, never taken from a locale's pattern.
    f = new Intl.DateTimeFormat("en-US", { ...OPTIONS[shape], timeZone });
  } catch {
    return null;
  }
  formats.set(key, f);
  return f;
}

const formatIn = (timeZone: string, shape: Shape) => cachedFormat(timeZone, shape) ?? cachedFormat(UTC, shape)!;

/** Whether the runtime's Intl knows this zone (an IANA name such as "Europe/Paris", or "UTC"). */
export function isTimeZone(zone: unknown): zone is string {
  return typeof zone === "string" && zone.length > 0 && zone.length <= 64 && cachedFormat(zone, "date") !== null;
}

/** The zone the text is really in: the given one when Intl knows it, else UTC (what formatDateTime falls back to). */
export function effectiveZone(timeZone: string): string {
  return isTimeZone(timeZone) ? timeZone : UTC;
}

/**
 * `2026-03-29 03:00` (precision "minute", the default), `2026-03-29 03:00:00` ("second") or `2026-03-29`
 * ("date") in the given zone. Absent values give MISSING and unparseable ones NOT_A_DATE, never
 * "Invalid Date"; an unknown zone is treated as UTC.
 */
export function formatDateTime(
  at: DateInput,
  { timeZone, precision = "minute" }: { timeZone: string; precision?: Precision },
): string {
  if (at === null || at === undefined || at === "") return MISSING;
  const d = toDate(at);
  if (!d) return NOT_A_DATE;
  const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatIn(timeZone, precision).formatToParts(d)) p[part.type] = part.value;
  const date = `${p.year?.padStart(4, "0")}-${p.month}-${p.day}`;
  if (precision === "date") return date;
  return `${date} ${p.hour}:${p.minute}${precision === "second" ? `:${p.second}` : ""}`;
}

/** The zone as a reader needs it next to a time: its name and, where it differs from UTC, the offset then. */
export function zoneLabel(at: DateInput, timeZone: string): string {
  const zone = effectiveZone(timeZone);
  const d = toDate(at);
  if (zone === UTC || !d) return zone;
  const offset = formatIn(zone, "offset")
    .formatToParts(d)
    .find((p) => p.type === "timeZoneName")?.value;
  return offset ? `${zone} (${offset})` : zone;
}

/** The exact time for a hover or a screen reader, to the second with its zone (`03:00:00 Europe/Paris (GMT+02:00)`). */
export function exactDateTime(at: DateInput, timeZone: string): string {
  const text = formatDateTime(at, { timeZone, precision: "second" });
  return toDate(at) ? `${text} ${zoneLabel(at, timeZone)}` : text;
}

/** To the minute with the zone, for text that has no hover (a toast): `2031-01-15 10:30 Europe/Paris (GMT+01:00)`. */
export function dateTimeWithZone(at: DateInput, timeZone: string): string {
  const text = formatDateTime(at, { timeZone });
  return toDate(at) ? `${text} ${zoneLabel(at, timeZone)}` : text;
}

/** "3 d ago" / "in 2 h" for a difference of `ms` milliseconds (now − then). */
export function relative(ms: number): string {
  const future = ms < 0;
  const s = Math.abs(ms) / 1000;
  const [n, unit] =
    s < 60
      ? [s, "s"]
      : s < 3600
        ? [s / 60, "min"]
        : s < 86_400
          ? [s / 3600, "h"]
          : s < 86_400 * 60
            ? [s / 86_400, "d"]
            : s < 86_400 * 730
              ? [s / (86_400 * 30.44), "mo"]
              : [s / (86_400 * 365.25), "y"];
  const text = `${Math.floor(n)} ${unit}`;
  return future ? `in ${text}` : `${text} ago`;
}
