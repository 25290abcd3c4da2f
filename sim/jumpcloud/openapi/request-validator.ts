/**
 * Request bodies checked against the operation JumpCloud documents for the
 * route (operations.json, cut from vendor-specs/jumpcloud/), with Ajv: a body
 * the documents refuse is answered 400 before the handler runs.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { jcError, parseBody, SimFailure } from "../errors";
import type { DocumentCut, OperationsCut } from "./documents";
import { documentedOperations, operationIn } from "./operations";

/** Parses and checks a raw body; throws SimFailure (400) when the document refuses it. */
export type BodyValidator = (raw: string) => unknown;

interface RequestBody {
  required?: boolean;
  content?: Record<string, { schema?: unknown }>;
}

/** Keys OpenAPI 3.0 puts in a schema or document that are not JSON Schema validation keywords. */
const ANNOTATIONS = [
  // The document's own fields, where the cut's root is added as a schema to resolve $refs against.
  "paths",
  "components",
  "example",
  "externalDocs",
  "xml",
  // OpenAPI 3.0: a hint for which subschema applies; the enum beside it is what validates.
  "discriminator",
];

let loaded: { cut: OperationsCut; ajv: Ajv; compiled: Map<string, ValidateFunction> } | undefined;

function load() {
  if (loaded) return loaded;
  const cut = documentedOperations();
  // strict: a keyword Ajv does not know fails loudly instead of being skipped.
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv); // date-time, int32, … as OpenAPI 3.0 uses them
  const extensions = new Set<string>();
  JSON.stringify(cut.documents, (k, v) => {
    if (k.startsWith("x-")) extensions.add(k);
    return v;
  });
  ajv.addVocabulary([...ANNOTATIONS, ...extensions]);
  for (const [name, doc] of Object.entries(cut.documents) as [string, DocumentCut][])
    ajv.addSchema({ paths: doc.paths, components: doc.components }, name);
  loaded = { cut, ajv, compiled: new Map() };
  return loaded;
}

const pointer = (segments: string[]) =>
  segments.map((s) => `/${encodeURIComponent(s.replace(/~/g, "~0").replace(/\//g, "~1"))}`).join("");

/**
 * The body check for a simulator route. Throws when no document describes the
 * route: the simulator serves only documented operations.
 */
export function requestBodyValidator(method: string, simPath: string): BodyValidator {
  const { cut, ajv, compiled } = load();
  const { at: found, operation } = operationIn(cut, method, simPath);
  const body = operation.requestBody as RequestBody | undefined;
  // No documented body: the handler reads none.
  if (!body) return () => undefined;
  if (!body.content?.["application/json"]?.schema)
    throw new Error(`${method} ${simPath}: the documented body has no application/json schema`);

  const schemaAt = ["paths", found.path, found.method, "requestBody", "content", "application/json", "schema"];
  const ref = `${found.document}#${pointer(schemaAt)}`;
  // Compiled on first use and shared by every simulator in the process: a test starts only some operations.
  const compile = () => {
    let validate = compiled.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      compiled.set(ref, validate);
    }
    return validate;
  };
  return (raw) => {
    if (!raw && body.required) throw new SimFailure(jcError(400, "a request body is required"));
    // Nearly every JumpCloud body is documented optional (required: false) yet
    // lists required fields; an absent body is read as {}, so those are still asked for.
    const value = raw ? parseBody(raw) : {};
    const check = compile();
    if (!check(value)) throw new SimFailure(jcError(400, `invalid request body: ${describe(check.errors ?? [])}`));
    return value;
  };
}

function describe(errors: ErrorObject[]): string {
  const lines = errors.map((e) => {
    const allowed =
      e.keyword === "enum" ? `: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(", ")}` : "";
    return `body${e.instancePath} ${e.message}${allowed}`;
  });
  return [...new Set(lines)].join("; ");
}
