import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { applyCorrections, CORRECTIONS, PARAMETER_CORRECTIONS } from "./corrections";
import type { DocumentName, OperationsCut } from "./documents";
import {
  documentedOperation,
  extractOperations,
  loadDocuments,
  OPERATIONS_FILE,
  type OpenApiDocument,
  queryParameters,
  serialize,
  simRoutes,
} from "./extract";

// Operations the 2023 spec predates, documented only in seed-paths.openapi.json
// (transcribed from the upstream v2 listing, seed 003). Any other route must be
// in the 2023 v1 or v2 spec.
const SEED_ONLY: Record<string, string> = {
  "POST /api/v2/bulk/user/unlocks": "added upstream after 2023 (SOURCE.txt: 'Missing: /bulk/user/unlocks')",
  "POST /api/v2/users/:userId/pushendpoints/:pushEndpointId/verify": "push verification, added upstream after 2023",
  "POST /api/v2/accessrequests": "access requests, added upstream after 2023",
  "POST /api/v2/accessrequests/:accessId/revoke": "access requests, added upstream after 2023",
};

let docs: Record<DocumentName, OpenApiDocument>;
beforeAll(() => {
  docs = loadDocuments();
});

describe("the JumpCloud simulator's operations", () => {
  it("every route the simulator registers is a documented operation", () => {
    const routes = simRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const where = routes.map(({ method, path }) => ({
      route: `${method} ${path}`,
      found: documentedOperation(docs, method, path),
    }));
    expect(where.filter((w) => !w.found).map((w) => w.route)).toEqual([]);
    expect(
      where
        .filter((w) => w.found?.document === "v2-seed")
        .map((w) => w.route)
        .sort(),
    ).toEqual(Object.keys(SEED_ONLY).sort());
  });

  it("finds no operation for a route no document has", () => {
    expect(documentedOperation(docs, "POST", "/api/v2/usergroups/:group_id/archive")).toBeNull();
    expect(documentedOperation(docs, "DELETE", "/api/systemusers/:id/unlock")).toBeNull();
    expect(() => extractOperations(docs, [{ method: "POST", path: "/api/v2/usergroups/:group_id/archive" }])).toThrow(
      /no operation/,
    );
  });

  it("operations.json is what write-operations.ts cuts from vendor-specs/jumpcloud/", () => {
    const committed = readFileSync(OPERATIONS_FILE, "utf8");
    expect(committed).toBe(serialize(extractOperations(docs, simRoutes())));
  });

  it("operations.json copies the documents' operations and schemas unchanged", () => {
    const cut = JSON.parse(readFileSync(OPERATIONS_FILE, "utf8")) as OperationsCut;
    for (const [name, doc] of Object.entries(cut.documents) as [
      DocumentName,
      NonNullable<OperationsCut["documents"][DocumentName]>,
    ][]) {
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(methods)) {
          expect(op.operationId).toBe(docs[name].paths[path]![method]!.operationId);
          expect(op.requestBody).toEqual(docs[name].paths[path]![method]!.requestBody);
          const query = queryParameters(docs[name], { document: name, path, method });
          expect(op.parameters).toEqual(query.length > 0 ? query : undefined);
        }
      }
      for (const [kind, named] of Object.entries(doc.components)) {
        for (const [key, value] of Object.entries(named)) expect(value).toEqual(docs[name].components?.[kind]?.[key]);
      }
    }
  });

  it("each correction replaces a schema the cut holds", () => {
    const cut = JSON.parse(readFileSync(OPERATIONS_FILE, "utf8")) as OperationsCut;
    expect(CORRECTIONS.length).toBeGreaterThan(0);
    const corrected = applyCorrections(cut.documents);
    for (const c of CORRECTIONS) {
      const at = c.at.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], corrected[c.document]);
      expect(at).toEqual(c.schema);
    }
    expect(() =>
      applyCorrections(cut.documents, [
        { ...CORRECTIONS[0]!, at: ["components", "schemas", "no_such_schema", "properties", "x"] },
      ]),
    ).toThrow(/no such schema/);
  });

  it("each parameter correction replaces the schema its document gives, and no other", () => {
    const cut = JSON.parse(readFileSync(OPERATIONS_FILE, "utf8")) as OperationsCut;
    const corrected = applyCorrections(cut.documents);
    for (const c of PARAMETER_CORRECTIONS) {
      const params = corrected[c.document]!.paths[c.path]![c.method]!.parameters as { name: string; schema: unknown }[];
      expect(params.find((p) => p.name === c.parameter)!.schema).toEqual(c.schema);
    }
    const first = PARAMETER_CORRECTIONS[0]!;
    expect(() => applyCorrections(cut.documents, [], [{ ...first, parameter: "no_such_parameter" }])).toThrow(
      /no such query parameter/,
    );
    // A replaced document that now states something else is read afresh, not corrected on stale grounds.
    expect(() =>
      applyCorrections(cut.documents, [], [{ ...first, documented: { default: 10, maximum: 500, type: "integer" } }]),
    ).toThrow(/the document now gives/);
  });
});
