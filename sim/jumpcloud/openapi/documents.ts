/**
 * Which vendor document describes a simulator route. The documents are the
 * files in vendor-specs/jumpcloud/ (see SOURCE.txt there): the 2023 v1 and v2
 * OpenAPI specs, and the seed paths for the few v2 operations the 2023 spec
 * predates.
 */

export const DOCUMENT_FILES = {
  v1: "jumpcloud-v1.openapi.yaml",
  v2: "jumpcloud-v2.openapi.yaml",
  "v2-seed": "seed-paths.openapi.json",
} as const;

export type DocumentName = keyof typeof DOCUMENT_FILES;

/** Where an operation sits in a document: the document, its path template and method. */
export interface OperationRef {
  document: DocumentName;
  /** The document's path template, e.g. /usergroups/{group_id}/members. */
  path: string;
  /** Lower case, as OpenAPI keys operations. */
  method: string;
}

/**
 * The places a route may be documented, in the order they are tried.
 * v1 spec: servers url https://console.jumpcloud.com/api; v2 spec:
 * https://console.jumpcloud.com/api/v2. The simulator serves both under one
 * origin, and writes path parameters as :name where the documents write {name}.
 */
export function candidateOperations(method: string, simPath: string): OperationRef[] {
  const template = (p: string) => p.replace(/:(\w+)/g, "{$1}");
  const m = method.toLowerCase();
  if (simPath.startsWith("/api/v2/")) {
    const path = template(simPath.slice("/api/v2".length));
    return [
      { document: "v2", path, method: m },
      { document: "v2-seed", path, method: m },
    ];
  }
  if (simPath.startsWith("/api/")) return [{ document: "v1", path: template(simPath.slice("/api".length)), method: m }];
  return [];
}

/** The operation a document lists at `at`, if it lists one. */
export function operationAt(
  paths: Record<string, Record<string, JsonObject>>,
  at: Pick<OperationRef, "path" | "method">,
): JsonObject | undefined {
  return paths[at.path]?.[at.method];
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

/** One document's part in operations.json: the served operations and the components they reference. */
export interface DocumentCut {
  source: string;
  paths: Record<string, Record<string, JsonObject>>;
  components: Record<string, Record<string, Json>>;
}

export interface OperationsCut {
  $comment: string;
  documents: Partial<Record<DocumentName, DocumentCut>>;
}
