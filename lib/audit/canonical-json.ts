/**
 * JSON with object keys sorted at every depth and undefined members dropped,
 * so that a value hashes the same after a round trip through Postgres jsonb
 * (which does not keep key order).
 *
 * The definition is `canonicalJsonReference` below; this writes the same
 * text directly, without building a sorted copy of every object first (a bulk
 * job hashes one event per row). Anything off the plain-JSON path (functions,
 * symbols, class instances other than Date, a "toJSON" member) goes through
 * the reference, so the text never differs from it.
 */
export function canonicalJson(value: unknown): string {
  try {
    return write(value) as string;
  } catch (err) {
    if (err === OFF_PATH) return canonicalJsonReference(value);
    throw err;
  }
}

/**
 * canonicalJson of a value made only of plain JSON parts (plain objects,
 * arrays, strings, finite or non-finite numbers, booleans, null, undefined
 * members, valid Dates), or null for anything else. For such a value it is
 * also the canonical JSON of the value after a JSON (or jsonb) round trip
 * (a bigint has none: JSON.stringify refuses it before this is asked).
 */
export function canonicalJsonOfPlain(value: unknown): string | null {
  try {
    return write(value) ?? null;
  } catch (err) {
    if (err === OFF_PATH) return null;
    throw err;
  }
}

/** The definition: a sorted copy, then JSON.stringify. */
export function canonicalJsonReference(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  if (typeof value === "bigint") return value.toString();
  return value;
}

const OFF_PATH = Symbol("off the plain-JSON path");
// A canonical array index: a JavaScript object lists such keys first, in numeric order, whatever the insertion order.
const INDEX = /^(0|[1-9]\d{0,9})$/;
const isIndex = (k: string) => INDEX.test(k) && Number(k) < 4294967295;

/** The text of one value, or undefined where JSON.stringify leaves a member out. */
function write(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return JSON.stringify(value.toString());
    case "undefined":
      return undefined;
    case "object":
      break;
    default:
      throw OFF_PATH;
  }
  if (value === null) return "null";
  if (Array.isArray(value)) {
    let s = "[";
    for (let i = 0; i < value.length; i++) {
      if (i) s += ",";
      s += write(value[i]) ?? "null";
    }
    return `${s}]`;
  }
  if (value instanceof Date) {
    // An invalid date: the reference throws, a JSON round trip gives null.
    if (Number.isNaN(value.getTime())) throw OFF_PATH;
    return JSON.stringify(value.toISOString());
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw OFF_PATH;
  const obj = value as Record<string, unknown>;
  let keys = Object.keys(obj).sort();
  if (keys.some(isIndex))
    keys = [...keys.filter(isIndex).sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndex(k))];
  let s = "{";
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (k === "toJSON") throw OFF_PATH;
    const text = write(v);
    if (text === undefined) continue;
    s += `${(first ? "" : ",") + JSON.stringify(k)}:${text}`;
    first = false;
  }
  return `${s}}`;
}
