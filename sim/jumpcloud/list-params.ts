import { jcError, SimFailure } from "./errors";

/** A list route's query parameters as its spec defines them. */
export interface ListParams {
  /** The `limit` the route applies when none is sent, and the most it accepts. */
  limit: { default: number; max: number };
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

// Every list route below documents `limit` "default: 10 … Limited to 100" and
// `skip` "default: 0, minimum: 0" (v1 and v2 specs, 2023; the 2026 SDK spec
// agrees), except /applemdms: `limit` default 1, maximum 100. v1
// /systemusers states no maximum; NOTES.md gives 100 for every list.
const TEN = { default: 10, max: 100 };

/**
 * Query rules of each list route the simulator serves, keyed by method and
 * route, from the 2023 v1/v2 specs. v1 `filter` is a plain string (several
 * are `filter[0]=…&filter[1]=…`, v1 spec's operator notes), so v1 routes
 * have no comma-separated parameters; v2 `fields`, `filter`, `sort` and
 * `targets` are all `style: form, explode: false` where a route takes them.
 */
export const LIST_PARAMS: Readonly<Record<string, ListParams>> = {
  "GET /api/systemusers": { limit: TEN, csv: [] },
  "POST /api/search/systemusers": { limit: TEN, csv: [] },
  "GET /api/systems": { limit: TEN, csv: [] },
  "GET /api/v2/usergroups": { limit: TEN, csv: ["fields", "filter", "sort"] },
  "GET /api/v2/systemgroups": { limit: TEN, csv: ["fields", "filter", "sort"] },
  "GET /api/v2/usergroups/:group_id/members": { limit: TEN, csv: [] },
  "GET /api/v2/systemgroups/:group_id/members": { limit: TEN, csv: [] },
  "GET /api/v2/users/:user_id/associations": { limit: TEN, csv: ["targets"] },
  "GET /api/v2/usergroups/:group_id/associations": { limit: TEN, csv: ["targets"] },
  "GET /api/v2/systems/:system_id/associations": { limit: TEN, csv: ["targets"] },
  "GET /api/v2/systemgroups/:group_id/associations": { limit: TEN, csv: ["targets"] },
  "GET /api/v2/users/:user_id/memberof": { limit: TEN, csv: ["filter", "sort"] },
  "GET /api/v2/systems/:system_id/memberof": { limit: TEN, csv: ["filter", "sort"] },
  "GET /api/v2/usergroups/:group_id/membership": { limit: TEN, csv: ["filter", "sort"] },
  "GET /api/v2/users/:user_id/systems": { limit: TEN, csv: ["filter"] },
  "GET /api/v2/bulk/users/:job_id/results": { limit: TEN, csv: [] },
  "GET /api/v2/bulk/userstates": { limit: TEN, csv: ["filter"] },
  // The console would see one MDM server if it sent no limit.
  "GET /api/v2/applemdms": { limit: { default: 1, max: 100 }, csv: [] },
  "GET /api/v2/applemdms/:apple_mdm_id/devices": { limit: TEN, csv: ["filter", "sort"] },
};

export function listParams(route: string): ListParams {
  const p = LIST_PARAMS[route];
  if (!p) throw new Error(`no documented paging for ${route}`);
  return p;
}

const bad = (message: string) => new SimFailure(jcError(400, message));

/**
 * The page a request asks for under its route's rules, refusing what a
 * server validating against the spec refuses: a comma-separated parameter
 * sent as repeated keys (or, for v2 `filter`, as v1's `filter[0]=…`), a
 * limit past the route's maximum, a negative skip.
 */
export function readListQuery(q: URLSearchParams, params: ListParams): ListPage {
  for (const name of params.csv) {
    if (q.getAll(name).length > 1) throw bad(`${name} is a comma-separated list: send ${name}=a,b once, not ${name} repeated`);
  }
  if (params.csv.includes("filter")) {
    const indexed = [...q.keys()].find((k) => k.startsWith("filter["));
    if (indexed) throw bad(`${indexed} is not a parameter here: several filters are one comma-separated filter`);
  }
  const { default: fallback, max } = params.limit;
  const limit = q.has("limit") ? Number(q.get("limit")) : fallback;
  const skip = q.has("skip") ? Number(q.get("skip")) : 0;
  // The message is JumpCloud's own for an over-large limit (TheJumpCloud/jcapi-python#38).
  if (Number.isInteger(limit) && limit > max) throw bad(`Bad Request: request parameter "limit" exceeds maximum value of ${max}`);
  if (!Number.isInteger(limit) || limit < 0) throw bad(`limit must be an integer between 0 and ${max}`);
  if (!Number.isInteger(skip) || skip < 0) throw bad("skip must be a non-negative integer");
  return { limit: limit === 0 ? fallback : limit, skip };
}

/** The values of a comma-separated parameter (readListQuery has refused it repeated). */
export function csvParam(q: URLSearchParams, name: string): string[] {
  return (q.get(name) ?? "").split(",").map((v) => v.trim()).filter(Boolean);
}
