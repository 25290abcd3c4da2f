import type { z } from "zod";

/** Search params as Next hands them to a page, or a request URL's. */
export type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** A parameter that was refused, and what was wrong with it ("an invalid date"). */
export interface ParamProblem {
  param: string;
  problem: string;
}

/**
 * One string per key: the first of a repeated key (as URLSearchParams.get
 * reads it), and no value for an empty one, since a GET form sends its blank
 * fields (`from=&to=`) and a blank field means "no filter".
 */
export function normaliseParams(raw: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  const entries =
    raw instanceof URLSearchParams ? [...raw.keys()].map((k) => [k, raw.get(k)] as const) : Object.entries(raw);
  for (const [key, value] of entries) {
    const v = Array.isArray(value) ? value[0] : value;
    if (typeof v === "string" && v !== "" && !(key in out)) out[key] = v;
  }
  return out;
}

function problemOf(issue: z.core.$ZodIssue | undefined, input: Record<string, string>): ParamProblem {
  if (!issue) return { param: "", problem: "is not valid" };
  const param = String(issue.path[0] ?? "");
  const missing = issue.code === "invalid_type" && !(param in input);
  return { param, problem: missing ? "no value (it is required)" : issue.message };
}

/**
 * For route handlers: the parameters, or the first bad one. A route answers a
 * bad parameter with a 400 that names it, before any work is done.
 */
export function checkParams<S extends z.ZodType>(
  schema: S,
  raw: RawParams,
): { ok: true; values: z.output<S> } | { ok: false; problem: ParamProblem } {
  const input = normaliseParams(raw);
  const parsed = schema.safeParse(input);
  return parsed.success
    ? { ok: true, values: parsed.data }
    : { ok: false, problem: problemOf(parsed.error.issues[0], input) };
}

/**
 * For pages: a bad value is dropped (so its default applies) and reported,
 * never an error page. `kept` holds the accepted values as written, for links
 * and form fields that should show what the view is filtered by. Every field
 * of the schema needs a default or must be optional.
 */
export function readParams<S extends z.ZodType>(
  schema: S,
  raw: RawParams,
): { values: z.output<S>; ignored: ParamProblem[]; kept: Record<string, string> } {
  const kept = normaliseParams(raw);
  const ignored: ParamProblem[] = [];
  // Each round drops at least one key, so this ends; every field of a page's
  // schema must have a default or be optional, or the last round throws.
  for (;;) {
    const parsed = schema.safeParse(kept);
    if (parsed.success) {
      // Only what the schema reads is kept: a link built from it carries no stray keys.
      const known = parsed.data as Record<string, unknown>;
      return {
        values: parsed.data,
        ignored,
        kept: Object.fromEntries(Object.entries(kept).filter(([k]) => k in known)),
      };
    }
    const bad = parsed.error.issues.map((i) => problemOf(i, kept)).filter((p) => p.param in kept);
    if (bad.length === 0) throw new Error(`page parameters cannot be corrected: ${parsed.error.message}`);
    for (const p of bad) {
      if (!(p.param in kept)) continue;
      delete kept[p.param];
      ignored.push(p);
    }
  }
}

/** A page's notice for what it ignored: "Ignored an invalid date in 'from'." */
export function describeIgnored(ignored: ParamProblem[]): string[] {
  return ignored.map((p) => `Ignored ${p.problem} in '${p.param}'.`);
}
