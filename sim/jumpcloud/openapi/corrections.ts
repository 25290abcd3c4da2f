import type { DocumentName } from "./documents";

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
    why: "POST /systemusers/{id}/state/activate: the description documents the bodies {}, "
      + '{"email": true}, {"email": false} and {"email": "example@example.com"}; the 2023 '
      + "schema types email as an object and JumpCloud's 2026 SDK spec as a string",
  },
];

export function applyCorrections<T extends Partial<Record<DocumentName, object>>>(documents: T, corrections = CORRECTIONS): T {
  const out = structuredClone(documents);
  for (const c of corrections) {
    const parent = c.at.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], out[c.document]);
    const last = c.at[c.at.length - 1];
    if (!parent || typeof parent !== "object" || !(last in parent)) throw new Error(`correction for ${c.document} #/${c.at.join("/")}: no such schema`);
    (parent as Record<string, unknown>)[last] = c.schema;
  }
  return out;
}
