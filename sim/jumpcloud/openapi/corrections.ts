import { isDeepStrictEqual } from "node:util";
import type { DocumentCut, DocumentName, Json, JsonObject } from "./documents";

/**
 * Where a document's schema contradicts the same document's description of
 * the operation, the simulator follows the description. Each correction names
 * the schema it replaces; applying one to a cut that lacks that place fails,
 * so a replaced document cannot leave a stale correction behind.
 */
export interface Correction {
  document: DocumentName;
  /** JSON pointer segments from the document's root. */
  at: string[];
  schema: unknown;
  why: string;
}

export const CORRECTIONS: Correction[] = [
  {
    document: "v1",
    at: ["components", "schemas", "systemusers_state_activate_request", "properties", "email"],
    schema: { anyOf: [{ type: "boolean" }, { type: "string" }] },
    why:
      "POST /systemusers/{id}/state/activate: the description documents the bodies {}, " +
      '{"email": true}, {"email": false} and {"email": "example@example.com"}; the 2023 ' +
      "schema types email as an object and JumpCloud's 2026 SDK spec as a string",
  },
];

/**
 * Where a query parameter's schema leaves out what better evidence states, the
 * simulator uses the corrected schema. Each names the schema the document
 * gives; applying one where the document now says something else fails, so a
 * replaced document is read afresh rather than corrected on stale grounds.
 */
export interface ParameterCorrection {
  document: DocumentName;
  /** The document's path template and lower-case method, as in operations.json. */
  path: string;
  method: string;
  /** The name of one of the operation's `in: query` parameters. */
  parameter: string;
  /** The parameter's schema as the document gives it. */
  documented: Json;
  schema: Json;
  why: string;
}

/** v1 GET /systemusers (systemusers_list), whose paging parameters the document writes out on their own. */
const V1_SYSTEMUSERS_LIST = { document: "v1", path: "/systemusers", method: "get" } as const;

export const PARAMETER_CORRECTIONS: ParameterCorrection[] = [
  {
    ...V1_SYSTEMUSERS_LIST,
    parameter: "limit",
    documented: { default: 10, type: "integer" },
    schema: { default: 10, maximum: 100, type: "integer" },
    why:
      "v1 GET /systemusers states no maximum for limit (nor does JumpCloud's 2026 SDK spec): it writes the " +
      "parameter out where the other v1 lists share one that says 'Limited to 100.' (2026 SDK spec: " +
      "trait:limit:limit); NOTES.md, Pagination [spec][code]: limit default 10, max 100 on every list",
  },
  {
    ...V1_SYSTEMUSERS_LIST,
    parameter: "skip",
    documented: { default: 0, type: "integer" },
    schema: { default: 0, minimum: 0, type: "integer" },
    why:
      "v1 GET /systemusers gives skip no minimum; every other list in the v1 and v2 documents gives " +
      "the same offset minimum 0 (2026 SDK spec: trait:skip:skip), and NOTES.md calls it an offset",
  },
];

export function applyCorrections<T extends Partial<Record<DocumentName, DocumentCut>>>(
  documents: T,
  corrections = CORRECTIONS,
  parameterCorrections = PARAMETER_CORRECTIONS,
): T {
  const out = structuredClone(documents);
  for (const c of corrections) {
    const parent = c.at
      .slice(0, -1)
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], out[c.document]);
    const last = c.at.at(-1);
    if (last === undefined || !parent || typeof parent !== "object" || !(last in parent))
      throw new Error(`correction for ${c.document} #/${c.at.join("/")}: no such schema`);
    (parent as Record<string, unknown>)[last] = c.schema;
  }
  for (const c of parameterCorrections) {
    const where = `correction for ${c.document} ${c.method.toUpperCase()} ${c.path} ${c.parameter}`;
    const params = (out[c.document]?.paths[c.path]?.[c.method]?.parameters ?? []) as JsonObject[];
    const param = params.find((p) => p.in === "query" && p.name === c.parameter);
    if (!param) throw new Error(`${where}: no such query parameter`);
    if (!isDeepStrictEqual(param.schema, c.documented))
      throw new Error(`${where}: the document now gives ${JSON.stringify(param.schema)}`);
    param.schema = c.schema;
  }
  return out;
}
