/**
 * A list route's query rules, read from the `in: query` parameters its
 * operation documents (operations.json, corrections applied): `limit`'s
 * default and maximum, `skip`'s default and minimum, and which array
 * parameters are sent comma-separated.
 */
import type { ListRules } from "../list-params";
import type { JsonObject, OperationsCut } from "./documents";
import { documentedOperations, operationIn } from "./operations";

interface IntegerSchema {
  type?: string;
  default?: unknown;
  minimum?: unknown;
  maximum?: unknown;
}

/**
 * The most a `limit` accepts: the schema's maximum, or else the bound its
 * description states. Most of the 2023 documents give the bound only in words
 * ("The number of records to return at once. Limited to 100."), with a schema
 * of just default and type; v2 /applemdms gives it only as `maximum: 100`.
 */
function documentedMaximum(param: JsonObject, schema: IntegerSchema, where: string): number | undefined {
  const stated = /\bLimited to (\d+)\b/.exec(typeof param.description === "string" ? param.description : "");
  const fromWords = stated ? Number(stated[1]) : undefined;
  if (schema.maximum !== undefined && fromWords !== undefined && schema.maximum !== fromWords) {
    throw new Error(
      `${where}: limit's schema says maximum ${schema.maximum}, its description ${fromWords}; ` +
        "add a correction in corrections.ts",
    );
  }
  return typeof schema.maximum === "number" ? schema.maximum : fromWords;
}

function integer(value: unknown, what: string, where: string): number {
  if (!Number.isInteger(value))
    throw new Error(
      `${where}: ${what} is not documented (no integer in the schema); add a correction in corrections.ts`,
    );
  return value as number;
}

/** The rules of a route in a cut. Throws when the cut documents no limit rule for it. */
export function listRulesIn(cut: OperationsCut, method: string, simPath: string): ListRules {
  const where = `${method} ${simPath}`;
  const params = (operationIn(cut, method, simPath).operation.parameters ?? []) as JsonObject[];
  const named = (name: string) => {
    const p = params.find((x) => x.name === name);
    if (!p) throw new Error(`${where}: the document lists no ${name} parameter`);
    return { param: p, schema: (p.schema ?? {}) as IntegerSchema };
  };
  const limit = named("limit");
  const skip = named("skip");
  return {
    limit: {
      default: integer(limit.schema.default, "limit's default", where),
      max: integer(documentedMaximum(limit.param, limit.schema, where), "limit's maximum", where),
    },
    skip: {
      default: integer(skip.schema.default, "skip's default", where),
      min: integer(skip.schema.minimum, "skip's minimum", where),
    },
    // OpenAPI 3.0: an `in: query` parameter is style form unless it says
    // otherwise, and form explodes (repeated keys) unless `explode: false`.
    csv: params
      .filter(
        (p) =>
          (p.schema as { type?: string } | undefined)?.type === "array" &&
          (p.style ?? "form") === "form" &&
          p.explode === false,
      )
      .map((p) => p.name as string),
  };
}

/** The rules of a route the simulator serves, from the committed operations.json. */
export function listRules(method: string, simPath: string): ListRules {
  return listRulesIn(documentedOperations(), method, simPath);
}
