import { randomUUID } from "node:crypto";
import type { z } from "zod";

/**
 * A valid input for a zod schema, built by trying plain candidates against
 * each part of it: what the authorization matrix needs to get past an
 * action's input check to its tenant check, without a hand-written sample
 * per action. `tenantId` fields take the given tenant. Returns undefined
 * when no candidate fits (the matrix then asks for a sample of its own).
 */
export function sampleInput(schema: z.ZodType, tenantId: string): unknown {
  const found = candidates(schema, "", tenantId).find((c) => schema.safeParse(c).success);
  return found;
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

const STRINGS = [
  "sample",
  "a@example.com",
  "https://example.com",
  "507f1f77bcf86cd799439011",
  "contoso.com",
  "user@contoso.com",
  "1",
  "sample-1",
  "10.0.0.1",
  "Sample Name 1",
  "00000000-0000-4000-8000-000000000000",
  "truu.devices",
  "user",
  "2030-01-01T09:00:00.000Z",
];

const sampleFile = () => new File(["email\nuser@contoso.com\n"], "sample.csv", { type: "text/csv" });

function candidates(schema: z.ZodType, key: string, tenantId: string): unknown[] {
  const def = defOf(schema);
  const inner = (name: string) => def[name] as z.ZodType;
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, z.ZodType>;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(shape)) {
        if (k === "undoOf") continue;
        const value = candidates(v, k, tenantId).find((c) => v.safeParse(c).success);
        if (value !== undefined) out[k] = value;
      }
      return [out];
    }
    case "optional":
    case "default":
    case "prefault":
      return [undefined, ...candidates(inner("innerType"), key, tenantId)];
    case "nullable":
      return [...candidates(inner("innerType"), key, tenantId), null];
    case "readonly":
    case "catch":
      return candidates(inner("innerType"), key, tenantId);
    case "pipe":
      return candidates(inner("in"), key, tenantId);
    case "union":
      return (def.options as z.ZodType[]).flatMap((o) => candidates(o, key, tenantId));
    case "enum":
      return Object.values(def.entries as Record<string, string>);
    case "literal":
      return [...(def.values as unknown[])];
    case "array":
      return [...candidates(inner("element"), key, tenantId).map((c) => [c]), []];
    case "boolean":
      return [true, false];
    case "number":
    case "int":
      return [1, 7, 30, 100];
    case "bigint":
      return [1n];
    case "date":
      return [new Date()];
    case "file":
      return [sampleFile()];
    case "record":
      return [{}];
    case "string":
      return key === "tenantId" ? [tenantId] : [...STRINGS, randomUUID()];
    default:
      // Custom checks (z.instanceof(File), refinements of their own): try the plain shapes.
      return ["sample", 1, true, {}, sampleFile()];
  }
}
