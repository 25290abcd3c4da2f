import { z } from "zod";

/**
 * Schemas for values read from a URL: query parameters and path segments.
 * Each refuses what would otherwise fail deeper down as a 500: Postgres
 * rejects a NUL byte in text, a timestamp outside its range and a bigint past
 * 2^63, and decodeURIComponent throws on a stray `%`. A message is a noun
 * phrase for the value ("an invalid date"): a route answers 400 with it, a
 * page drops the value and says "Ignored an invalid date in 'from'".
 */

// C0 controls and DEL, but not tab, new line and carriage return: they are
// harmless in a LIKE pattern and a pasted search may carry them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matches the control characters a value must not carry
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const hasControl = (s: string) => CONTROL.test(s);

/** Free text (a search box, a filter): trimmed, bounded, with no control characters. */
export function urlText(max: number) {
  return z
    .string()
    .refine((s) => !hasControl(s), "a value with a control character")
    .transform((s) => s.trim())
    .refine((s) => s.length <= max, `a value over ${max} characters`);
}

/** One of a fixed set of values: a sort column, an enum filter. */
export function urlEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: "an unknown value" });
}

/** A whole number in a range, written in plain digits. */
export function urlInt(min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^-?\d{1,15}$/, "an invalid number")
    .transform(Number)
    .refine((n) => n >= min && n <= max, `a number outside ${min}–${max}`);
}

// Four-digit years only: JavaScript reads "-271821-04-20" and even "5" as
// dates, Postgres does not store the first and nobody means the second.
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

/** A date or date and time (ISO 8601, as a datetime-local field sends it) between the years 1900 and 9999. */
export const urlDate = z
  .string()
  .trim()
  .regex(DATE, "an invalid date")
  .transform((s, ctx) => {
    const d = new Date(s);
    const year = d.getUTCFullYear();
    if (Number.isNaN(d.getTime())) ctx.addIssue({ code: "custom", message: "an invalid date" });
    else if (year < MIN_YEAR || year > MAX_YEAR)
      ctx.addIssue({ code: "custom", message: `a date outside the years ${MIN_YEAR}–${MAX_YEAR}` });
    return d;
  });

const BIGINT_MAX = 2n ** 63n - 1n;

/** A keyset cursor over a bigint column (an audit event's seq): digits only, within Postgres' bigint. */
export const urlCursor = z
  .string()
  .trim()
  .regex(/^\d{1,19}$/, "an invalid cursor")
  .transform((s) => BigInt(s))
  .refine((n) => n <= BIGINT_MAX, "an invalid cursor");

// Ids carry no control characters at all, white space included.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matches the control characters an id must not carry
const ID_CONTROL = /[\u0000-\u001f\u007f]/;
const isId = (s: string, max: number) => s.length > 0 && s.length <= max && !ID_CONTROL.test(s);

/** An id in a query parameter (a tenant, a job): non-empty, bounded, no control characters. */
export function urlId(max = 100) {
  return z
    .string()
    .trim()
    .refine((s) => isId(s, max), "an invalid id");
}

/**
 * An id from a path segment (a job, a person, a vendor object). Decoded once
 * more, as the pages always did for vendor ids with reserved characters; a
 * segment that does not decode is invalid rather than an exception.
 */
export function pathId(max = 200) {
  return z
    .string()
    .transform((s, ctx) => {
      try {
        return decodeURIComponent(s);
      } catch {
        ctx.addIssue({ code: "custom", message: "an invalid id" });
        return z.NEVER;
      }
    })
    .refine((s) => isId(s, max), "an invalid id");
}

/** No path parameters, search or query: the type of z.object({}), a page's and a route's default. */
export type NoFields = z.ZodObject<Record<never, never>>;
