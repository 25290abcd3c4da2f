/**
 * Cuts operations.json out of the vendor documents: for every route the
 * simulator serves, the documented operation's operationId, its `in: query`
 * parameters and requestBody, and every component those reference, copied
 * unchanged. The simulator reads the cut at start-up instead of parsing 2 MB
 * of YAML (about half a second here) in every process that starts one;
 * operations.test.ts checks that the committed cut is what this produces from
 * the documents.
 */
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import type { SimContext } from "../app";
import { registerRoutes } from "../routes";
import {
  candidateOperations,
  DOCUMENT_FILES,
  type DocumentCut,
  type DocumentName,
  type Json,
  type JsonObject,
  type OperationRef,
  type OperationsCut,
  operationAt,
} from "./documents";

export const SPEC_DIR = new URL("../../../vendor-specs/jumpcloud/", import.meta.url);
export const OPERATIONS_FILE = new URL("./operations.json", import.meta.url);

export interface OpenApiDocument {
  paths: Record<string, Record<string, JsonObject>>;
  components?: Record<string, Record<string, Json>>;
}

export function loadDocuments(): Record<DocumentName, OpenApiDocument> {
  const read = (file: string) => readFileSync(new URL(file, SPEC_DIR), "utf8");
  // OpenAPI documents are YAML 1.2: an unquoted 2000-01-23T04:56:07Z is a string, not js-yaml's default timestamp.
  const fromYaml = (file: string) => yaml.load(read(file), { schema: yaml.CORE_SCHEMA }) as OpenApiDocument;
  return {
    v1: fromYaml(DOCUMENT_FILES.v1),
    v2: fromYaml(DOCUMENT_FILES.v2),
    "v2-seed": JSON.parse(read(DOCUMENT_FILES["v2-seed"])) as OpenApiDocument,
  };
}

export interface SimRoute {
  method: string;
  path: string;
  /** Whether the route reads a page (limit, skip) under its documented query rules. */
  list: boolean;
}

/** Every method and path the simulator registers, without building one. */
export function simRoutes(): SimRoute[] {
  const routes: { method: string; path: string }[] = [];
  const lists = new Set<string>();
  registerRoutes({
    state: undefined as never,
    route: (method, path) => routes.push({ method, path }),
    list: (path) => {
      routes.push({ method: "GET", path });
      lists.add(`GET ${path}`);
    },
    pageReader: (method, path) => {
      lists.add(`${method} ${path}`);
      return undefined as never;
    },
  } satisfies SimContext);
  return routes.map((r) => ({ ...r, list: lists.has(`${r.method} ${r.path}`) }));
}

/** The operation documenting a route, or null when no document has it. */
export function documentedOperation(
  docs: Record<DocumentName, OpenApiDocument>,
  method: string,
  simPath: string,
): OperationRef | null {
  return candidateOperations(method, simPath).find((c) => docs[c.document].paths[c.path]?.[c.method]) ?? null;
}

export function extractOperations(
  docs: Record<DocumentName, OpenApiDocument>,
  routes: { method: string; path: string }[],
): OperationsCut {
  const cuts: Partial<Record<DocumentName, DocumentCut>> = {};
  const refs: { document: DocumentName; ref: string }[] = [];
  const collect = (document: DocumentName, value: Json) =>
    JSON.stringify(value, (k, v) => {
      if (k === "$ref" && typeof v === "string") refs.push({ document, ref: v });
      return v;
    });

  for (const { method, path } of routes) {
    const found = documentedOperation(docs, method, path);
    if (!found) throw new Error(`${method} ${path}: no operation in ${Object.values(DOCUMENT_FILES).join(", ")}`);
    const op = operationAt(docs[found.document].paths, found);
    if (!op) throw new Error(`${method} ${path}: no operation at ${found.path}`);
    const kept: JsonObject = op.operationId === undefined ? {} : { operationId: op.operationId };
    const query = queryParameters(docs[found.document], found);
    if (query.length > 0) kept.parameters = query;
    if (op.requestBody !== undefined) kept.requestBody = op.requestBody;
    const cut = cuts[found.document] ?? {
      source: `vendor-specs/jumpcloud/${DOCUMENT_FILES[found.document]}`,
      paths: {},
      components: {},
    };
    cuts[found.document] = cut;
    cut.paths[found.path] = { ...cut.paths[found.path], [found.method]: kept };
    collect(found.document, kept);
  }

  // Components referenced from the kept operations, and from those components in turn.
  // refs grows while it is read: a component's own $refs are collected as it is kept.
  for (const { document, ref } of refs) {
    const m = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
    if (!m) throw new Error(`${document}: unsupported $ref ${ref}`);
    const [, kind = "", name = ""] = m;
    const cut = cuts[document]!;
    if (cut.components[kind]?.[name] !== undefined) continue;
    const target = docs[document].components?.[kind]?.[name];
    if (target === undefined) throw new Error(`${document}: $ref ${ref} points at nothing`);
    cut.components[kind] = { ...cut.components[kind], [name]: target };
    collect(document, target);
  }
  return {
    $comment: "Generated by sim/jumpcloud/openapi/write-operations.ts from vendor-specs/jumpcloud/. Do not edit.",
    documents: Object.fromEntries(Object.entries(cuts).map(([name, c]) => [name, ordered(c)])),
  };
}

/**
 * An operation's `in: query` parameters as its document lists them. The served
 * operations declare theirs inline on the operation; a document that moves them
 * to the path item or behind a $ref fails here rather than losing them.
 */
export function queryParameters(doc: OpenApiDocument, at: OperationRef): JsonObject[] {
  const where = `${at.document} ${at.method.toUpperCase()} ${at.path}`;
  if (doc.paths[at.path]?.parameters !== undefined) throw new Error(`${where}: path-level parameters are not read`);
  const all = (operationAt(doc.paths, at)?.parameters ?? []) as JsonObject[];
  if (all.some((p) => p.$ref !== undefined)) throw new Error(`${where}: parameters by $ref are not read`);
  return all.filter((p) => p.in === "query");
}

/** Paths, methods and component names in order, so the committed file changes only where the cut does. */
function ordered(cut: DocumentCut): DocumentCut {
  const byKey = <T>(o: Record<string, T>, each: (v: T) => T = (v) => v) =>
    Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, each(o[k] as T)]),
    );
  return {
    source: cut.source,
    paths: byKey(cut.paths, (methods) => byKey(methods)),
    components: byKey(cut.components, (named) => byKey(named)),
  };
}

export const serialize = (cut: OperationsCut) => `${JSON.stringify(cut, null, 2)}\n`;
