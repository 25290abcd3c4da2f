import { jcError, SimFailure } from "./errors";

/**
 * A list route's query rules, as its documented parameters give them
 * (openapi/list-rules.ts reads them from operations.json).
 */
export interface ListRules {
  /** The `limit` the route applies when none is sent, and the most it accepts. */
  limit: { default: number; max: number };
  /** The `skip` the route applies when none is sent, and the least it accepts. */
  skip: { default: number; min: number };
  /**
   * Array parameters with `style: form, explode: false`: sent once, values
   * comma-separated (`targets=system,system_group`), never as repeated keys.
   */
  csv: readonly string[];
}

/** The page a list request asks for, once its route's rules are applied. */
export interface ListPage {
  limit: number;
  skip: number;
}

const bad = (message: string) => new SimFailure(jcError(400, message));

/**
 * The page a request asks for under its route's rules, refusing what a
 * server validating against the spec refuses: a comma-separated parameter
 * sent as repeated keys (or, for v2 `filter`, as v1's `filter[0]=…`), a
 * limit past the route's maximum, a skip below its minimum.
 */
export function readListQuery(q: URLSearchParams, rules: ListRules): ListPage {
  for (const name of rules.csv) {
    if (q.getAll(name).length > 1)
      throw bad(`${name} is a comma-separated list: send ${name}=a,b once, not ${name} repeated`);
  }
  if (rules.csv.includes("filter")) {
    const indexed = [...q.keys()].find((k) => k.startsWith("filter["));
    if (indexed) throw bad(`${indexed} is not a parameter here: several filters are one comma-separated filter`);
  }
  const { default: fallback, max } = rules.limit;
  const limit = q.has("limit") ? Number(q.get("limit")) : fallback;
  const skip = q.has("skip") ? Number(q.get("skip")) : rules.skip.default;
  // The message is JumpCloud's own for an over-large limit (TheJumpCloud/jcapi-python#38).
  if (Number.isInteger(limit) && limit > max)
    throw bad(`Bad Request: request parameter "limit" exceeds maximum value of ${max}`);
  // A count below zero means nothing; the one route whose limit states a minimum (v2 /applemdms) states 0.
  if (!Number.isInteger(limit) || limit < 0) throw bad(`limit must be an integer between 0 and ${max}`);
  if (!Number.isInteger(skip) || skip < rules.skip.min)
    throw bad(`skip must be an integer of at least ${rules.skip.min}`);
  return { limit: limit === 0 ? fallback : limit, skip };
}

/** The values of a comma-separated parameter (readListQuery has refused it repeated). */
export function csvParam(q: URLSearchParams, name: string): string[] {
  return (q.get(name) ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}
