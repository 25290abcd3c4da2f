/**
 * operations.json as the simulator reads it: cut from vendor-specs/jumpcloud/
 * by write-operations.ts, with corrections.ts applied.
 */
import { readFileSync } from "node:fs";
import { applyCorrections } from "./corrections";
import { candidateOperations, type JsonObject, type OperationRef, type OperationsCut, operationAt } from "./documents";

let corrected: OperationsCut | undefined;

/** Read once and shared by every simulator in the process. */
export function documentedOperations(): OperationsCut {
  if (corrected) return corrected;
  const raw = JSON.parse(readFileSync(new URL("./operations.json", import.meta.url), "utf8")) as OperationsCut;
  corrected = { ...raw, documents: applyCorrections(raw.documents) };
  return corrected;
}

/**
 * The operation documenting a simulator route in a cut. Throws when there is
 * none: the simulator serves only documented operations.
 */
export function operationIn(
  cut: OperationsCut,
  method: string,
  simPath: string,
): { at: OperationRef; operation: JsonObject } {
  for (const at of candidateOperations(method, simPath)) {
    const paths = cut.documents[at.document]?.paths;
    const operation = paths && operationAt(paths, at);
    if (operation) return { at, operation };
  }
  throw new Error(
    `${method} ${simPath} has no documented operation in operations.json ` +
      "(after adding a route: npx tsx sim/jumpcloud/openapi/write-operations.ts)",
  );
}
