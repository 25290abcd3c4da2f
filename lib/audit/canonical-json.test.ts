import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalJsonOfPlain, canonicalJsonReference } from "./canonical-json";

// Hashes already in the log were made with the reference form: the direct writer must give the same text for every
// value.
function randomValue(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * (depth > 3 ? 7 : 10));
  const keys = [
    "a",
    "B",
    "z",
    "10",
    "9",
    "0",
    "01",
    "-1",
    "4294967295",
    "4294967294",
    "é",
    "toString",
    "x y",
    "\u{1F600}",
    "\ud800",
  ];
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return [0, -0, 1.5, -3, 1e21, 1e-7, NaN, Infinity, 2 ** 53][Math.floor(rand() * 9)];
    case 3:
      return ["", "plain", 'quo"te', "line\nbreak", "\u0001", "\ud800", "ünï"][Math.floor(rand() * 7)];
    case 4:
      return undefined;
    case 5:
      return new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 1e10));
    case 6:
      return BigInt(Math.floor(rand() * 1e6));
    case 7:
    case 8: {
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(rand() * 6); i > 0; i--)
        o[keys[Math.floor(rand() * keys.length)] ?? ""] = randomValue(rand, depth + 1);
      return o;
    }
    default:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
  }
}

/** The same pseudo-random sequence on every run for a seed (a linear congruential generator). */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("canonicalJson", () => {
  it("writes exactly what the reference form writes", () => {
    const rand = seededRandom(42);
    for (let i = 0; i < 5000; i++) {
      const v = randomValue(rand);
      expect(canonicalJson(v)).toBe(canonicalJsonReference(v));
    }
  });
  it("matches the reference off the plain-JSON path too", () => {
    class Thing {
      a = 1;
      b = 2;
    }
    for (const v of [
      { f: () => 1, a: 1 },
      [() => 1, Symbol("s")],
      { t: { toJSON: () => "x" } },
      new Thing(),
      new Map([["a", 1]]),
      { n: Object.create(null) },
      undefined,
    ]) {
      expect(canonicalJson(v)).toBe(canonicalJsonReference(v));
    }
  });
});

describe("canonicalJsonOfPlain", () => {
  it("is the canonical JSON of the value after a JSON round trip, or null off the plain path", () => {
    const rand = seededRandom(7);
    for (let i = 0; i < 5000; i++) {
      const v = randomValue(rand);
      let text: string | undefined;
      try {
        text = JSON.stringify(v);
      } catch {
        continue; // bigints: refused before any hashing
      }
      if (text === undefined) continue; // no JSON at all: stored as SQL NULL, never hashed as a value
      const plain = canonicalJsonOfPlain(v);
      expect(plain).not.toBeNull();
      expect(plain).toBe(canonicalJsonReference(JSON.parse(text)));
    }
    class Thing {
      a = 1;
    }
    for (const v of [{ f: () => 1 }, new Thing(), { d: new Date(NaN) }, { t: { toJSON: () => "x" } }, new Map()])
      expect(canonicalJsonOfPlain(v)).toBeNull();
  });
});
