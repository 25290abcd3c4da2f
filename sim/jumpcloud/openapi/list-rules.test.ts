import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyCorrections, CORRECTIONS, PARAMETER_CORRECTIONS } from "./corrections";
import { candidateOperations, type JsonObject, type OperationsCut } from "./documents";
import { OPERATIONS_FILE, simRoutes } from "./extract";
import { listRulesIn } from "./list-rules";

// List routes' limit, skip and comma-separated parameters are read from the
// query parameters each operation documents, not written out by hand.
const committed = () => JSON.parse(readFileSync(OPERATIONS_FILE, "utf8")) as OperationsCut;
const corrected = (cut = committed(), parameterCorrections = PARAMETER_CORRECTIONS) => ({
  ...cut,
  documents: applyCorrections(cut.documents, CORRECTIONS, parameterCorrections),
});
const listRoutes = () => simRoutes().filter((r) => r.list);
const param = (cut: OperationsCut, document: "v1" | "v2", path: string, name: string) =>
  (cut.documents[document]!.paths[path]!.get!.parameters as JsonObject[]).find((p) => p.name === name)!;

describe("JumpCloud list routes' query rules", () => {
  it("every list route the simulator serves has a documented limit and skip rule, or an explicit correction", () => {
    const routes = listRoutes();
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain("POST /api/search/systemusers");
    expect(routes.length).toBeGreaterThan(15);
    const cut = corrected();
    const missing = routes.flatMap(({ method, path }) => {
      try {
        listRulesIn(cut, method, path);
        return [];
      } catch (err) {
        return [(err as Error).message];
      }
    });
    expect(missing).toEqual([]);
  });

  it("each parameter correction supplies a rule its document lacks", () => {
    expect(PARAMETER_CORRECTIONS.length).toBeGreaterThan(0);
    for (const c of PARAMETER_CORRECTIONS) {
      const route = listRoutes().find((r) =>
        candidateOperations(r.method, r.path).some(
          (o) => o.document === c.document && o.path === c.path && o.method === c.method,
        ),
      );
      if (!route)
        throw new Error(`${c.document} ${c.method} ${c.path}: corrected, but no list route the simulator serves`);
      const without = corrected(
        committed(),
        PARAMETER_CORRECTIONS.filter((x) => x !== c),
      );
      expect(() => listRulesIn(without, route.method, route.path)).toThrow(
        new RegExp(`${c.parameter}'s (maximum|minimum) is not documented`),
      );
    }
  });

  it("takes limit's default and maximum from the schema, or the maximum from its description", () => {
    const cut = committed();
    expect(listRulesIn(corrected(cut), "GET", "/api/v2/applemdms").limit).toEqual({ default: 1, max: 100 });
    expect(listRulesIn(corrected(cut), "GET", "/api/v2/usergroups").limit).toEqual({ default: 10, max: 100 });
    const mdmLimit = param(cut, "v2", "/applemdms", "limit").schema as JsonObject;
    mdmLimit.default = 5;
    mdmLimit.maximum = 50;
    param(cut, "v2", "/usergroups", "limit").description = "The number of records to return at once. Limited to 40.";
    param(cut, "v2", "/usergroups", "skip").schema = { default: 2, minimum: 1, type: "integer" };
    expect(listRulesIn(corrected(cut), "GET", "/api/v2/applemdms").limit).toEqual({ default: 5, max: 50 });
    expect(listRulesIn(corrected(cut), "GET", "/api/v2/usergroups")).toMatchObject({
      limit: { default: 10, max: 40 },
      skip: { default: 2, min: 1 },
    });
  });

  it("refuses a limit whose schema and description disagree", () => {
    const cut = committed();
    (param(cut, "v2", "/usergroups", "limit").schema as JsonObject).maximum = 50;
    expect(() => listRulesIn(corrected(cut), "GET", "/api/v2/usergroups")).toThrow(
      /schema says maximum 50, its description 100/,
    );
  });

  it("an array parameter is comma-separated only where the document says explode: false", () => {
    const cut = committed();
    expect(listRulesIn(corrected(cut), "GET", "/api/v2/usergroups").csv).toEqual(["fields", "filter", "sort"]);
    // OpenAPI 3.0's default for a query parameter is style form, explode true: repeated keys.
    delete param(cut, "v2", "/usergroups", "sort").explode;
    param(cut, "v2", "/usergroups", "fields").style = "spaceDelimited";
    expect(listRulesIn(corrected(cut), "GET", "/api/v2/usergroups").csv).toEqual(["filter"]);
    // v1 filter, sort and fields are plain strings.
    expect(listRulesIn(corrected(cut), "GET", "/api/systemusers").csv).toEqual([]);
  });
});
