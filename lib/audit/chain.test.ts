import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import { eventHash, GENESIS_HASH, hashedFieldsOf } from "./chain";

const row = {
  id: "6f1c1f8e-8f5e-4c1a-9a57-111111111111",
  at: new Date("2026-11-23T10:00:00.123Z"),
  actorId: "s1",
  actorEmail: "a@example.com",
  actorName: "A",
  ip: "203.0.113.1",
  userAgent: null,
  action: "tenant.renamed",
  tenantId: "t1",
  vendor: null,
  targets: [{ type: "tenant", id: "t1" }],
  before: { name: "x", z: { b: 2, a: 1 } },
  after: { name: "y" },
  outcome: "success",
  reason: null,
  jobId: null,
  correlationId: null,
};

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: undefined, w: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"w":2,"y":1}]},"b":1}',
    );
  });
  it("writes dates as ISO strings and bigints as strings", () => {
    expect(canonicalJson({ at: new Date("2026-01-02T03:04:05.006Z"), n: 10n })).toBe(
      '{"at":"2026-01-02T03:04:05.006Z","n":"10"}',
    );
  });
});

describe("eventHash", () => {
  it("is stable under key order (as after a jsonb round trip)", () => {
    const reordered = { ...row, before: { z: { a: 1, b: 2 }, name: "x" } };
    expect(eventHash(GENESIS_HASH, hashedFieldsOf(reordered))).toBe(eventHash(GENESIS_HASH, hashedFieldsOf(row)));
  });
  it("changes with any field and with the previous hash", () => {
    const base = eventHash(GENESIS_HASH, hashedFieldsOf(row));
    expect(eventHash(GENESIS_HASH, hashedFieldsOf({ ...row, outcome: "failure" }))).not.toBe(base);
    expect(eventHash(GENESIS_HASH, hashedFieldsOf({ ...row, after: { name: "z" } }))).not.toBe(base);
    expect(eventHash("f".repeat(64), hashedFieldsOf(row))).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});
