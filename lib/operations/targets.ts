import type { AuditTarget } from "../audit/event";

/**
 * An event's targets named once each: the items of one call often share one
 * (the group a list of members joins), and the log names each object once.
 */
export function distinctTargets(targets: AuditTarget[]): AuditTarget[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = `${t.type}\u0000${t.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The id of the event's first target of a type (the object a create made, once the vendor named it). */
export function targetIdOf(targets: unknown, type: string): string | null {
  const found = (targets as { type: string; id: string }[] | null)?.find((t) => t.type === type);
  return found?.id ?? null;
}

/**
 * The undo of a create: the object it made, by the id its event named, deleted. `field` is the delete's item field.
 * Only an event with the vendor's answer (`after`) names the id; before that a create is named by the name typed.
 */
export const createdObject =
  (type: string, field: string) =>
  (e: { targets: unknown; after: unknown }): Record<string, string>[] | null => {
    const id = e.after ? targetIdOf(e.targets, type) : null;
    return id ? [{ [field]: id }] : null;
  };

/**
 * The undo of an edit: the same object (the event's target of `type`, as the `idField` item field) with the values
 * its event recorded before, as `read` takes them from the before (null: the event cannot say).
 */
export const formerValues =
  (type: string, idField: string, read: (before: Record<string, unknown>) => Record<string, unknown> | null) =>
  (e: { targets: unknown; before: unknown }): Record<string, unknown>[] | null => {
    const id = targetIdOf(e.targets, type);
    const values = read((e.before ?? {}) as Record<string, unknown>);
    return id && values ? [{ [idField]: id, ...values }] : null;
  };
