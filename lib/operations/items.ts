import { z } from "zod";
import { UndoOf } from "../undo/undo-of";
import type { AnyOperation } from "./operation";

/**
 * The server action's input for an operation: the tenant, an undo link, and
 * either one item's fields or a list of bare values plus the fields every
 * item shares. `{ tenantId, upns: [a, b], resetPhone }` is the items
 * `{ upn: a, resetPhone }` and `{ upn: b, resetPhone }`.
 */
export function actionSchema(op: AnyOperation): z.ZodObject {
  const base = { tenantId: z.string().min(1), undoOf: UndoOf };
  if (!op.list) return op.input.extend(base);
  const { field, of, common = [], max, empty } = op.list;
  const shape = op.input.shape;
  const omitted = Object.fromEntries(common.map((c) => [c, true as const])) as Record<string, true> &
    Record<number, never>;
  const list = of
    ? z
        .array(shape[of])
        .min(1, empty)
        .max(max)
        // The same value twice is one item.
        .transform((l) => [...new Set(l)])
    : z.array(op.input.omit(omitted)).min(1, empty).max(max);
  return z.object({ ...base, [field]: list, ...Object.fromEntries(common.map((c) => [c, shape[c]])) });
}

type Input = Record<string, unknown>;

/** The items an action's (parsed) input names, in the order given. */
export function itemsOf(op: AnyOperation, input: Input): Input[] {
  if (!op.list) {
    const { tenantId: _t, undoOf: _u, ...item } = input;
    return [item];
  }
  const { field, of, common = [] } = op.list;
  const shared = Object.fromEntries(common.map((c) => [c, input[c]]));
  return (input[field] as unknown[]).map((value) => ({ ...(of ? { [of]: value } : (value as Input)), ...shared }));
}

/**
 * The action input that names these items: what an undo calls the inverse
 * with. Deterministic (the list in item order, common fields from the first
 * item), since the undo check compares it with the caller's input.
 */
export function actionInputOf(op: AnyOperation, tenantId: string, items: Input[]): Input {
  if (!op.list) return { tenantId, ...items[0] };
  const { field, of, common = [] } = op.list;
  const first = items[0] ?? {};
  const own = (i: Input) => Object.fromEntries(Object.entries(i).filter(([k]) => !common.includes(k)));
  const list = items.map((i) => (of ? i[of] : own(i)));
  return { tenantId, [field]: list, ...Object.fromEntries(common.map((c) => [c, first[c]])) };
}
