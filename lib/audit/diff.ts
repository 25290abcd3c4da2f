export interface DiffLine {
  path: string;
  kind: "added" | "removed" | "changed";
  before?: unknown;
  after?: unknown;
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (
    value !== null &&
    typeof value === "object" &&
    !(Array.isArray(value) && value.length === 0) &&
    Object.keys(value).length > 0
  ) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix || value !== undefined) {
    out.set(prefix || "(value)", value);
  }
}

/** What changed between an event's before and after, one line per leaf path, in path order. */
export function diffValues(before: unknown, after: unknown): DiffLine[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  if (before !== null && before !== undefined) flatten(before, "", a);
  if (after !== null && after !== undefined) flatten(after, "", b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const lines: DiffLine[] = [];
  for (const path of paths) {
    const inA = a.has(path);
    const inB = b.has(path);
    if (inA && !inB) lines.push({ path, kind: "removed", before: a.get(path) });
    else if (!inA && inB) lines.push({ path, kind: "added", after: b.get(path) });
    else if (JSON.stringify(a.get(path)) !== JSON.stringify(b.get(path)))
      lines.push({ path, kind: "changed", before: a.get(path), after: b.get(path) });
  }
  return lines;
}
