import { describe, expect, it } from "vitest";
import { AuditEventInput } from "./event";
import type { AuditAction } from "./event-types";
import { parseAuditInput } from "./quick-parse";

const actor = { id: "s1", email: "a@example.com", name: "A", extra: "dropped" };
const valid: AuditEventInput[] = [
  {
    action: "trugrid.mfa.turned_on",
    actor,
    outcome: "success",
    tenantId: "t1",
    vendor: "trugrid",
    jobId: "j1",
    targets: [{ type: "user", id: "u@x.example", label: "U" }],
    before: { a: 1 },
    after: { b: [1] },
  },
  {
    action: "staff.sign_in_failed",
    actor: null,
    outcome: "failure",
    reason: "bad password",
    ip: "203.0.113.1",
    userAgent: "UA",
  },
  {
    action: "tenant.created",
    actor,
    outcome: "pending",
    reason: null,
    targets: [{ type: "tenant", id: "t", extra: 1 } as never],
  },
  {
    action: "x.y" as AuditAction,
    actor,
    outcome: "denied",
    reason: "not allowed",
    vendor: null,
    tenantId: null,
    jobId: null,
    correlationId: null,
  },
  { action: "x.y" as AuditAction, actor, outcome: "success", correlationId: "6f1c1f8e-8f5e-4c1a-9a57-111111111111" },
  { action: "x.y" as AuditAction, actor, outcome: "success", before: undefined, after: null },
];
const invalid = [
  { action: "Bad.Name", actor, outcome: "success" },
  { action: "single", actor, outcome: "success" },
  { action: "x.y" as AuditAction, actor, outcome: "failure" },
  { action: "x.y" as AuditAction, actor, outcome: "failure", reason: "" },
  { action: "x.y" as AuditAction, actor, outcome: "success", reason: "no reason on success" },
  { action: "x.y" as AuditAction, actor, outcome: "maybe" },
  { action: "x.y" as AuditAction, actor: { id: "s1" }, outcome: "success" },
  { action: "x.y" as AuditAction, actor, outcome: "success", vendor: "okta" },
  { action: "x.y" as AuditAction, actor, outcome: "success", targets: [{ type: "", id: "x" }] },
  { action: "x.y" as AuditAction, actor, outcome: "success", targets: [{ type: "user", id: 5 }] },
  { action: "x.y" as AuditAction, actor, outcome: "success", targets: [{ type: "user", id: "x", label: 3 }] },
  { action: "x.y" as AuditAction, actor, outcome: "success", correlationId: "not-a-uuid" },
  { action: "x.y" as AuditAction, actor, outcome: "success", tenantId: 7 },
] as unknown as AuditEventInput[];

describe("parseAuditInput", () => {
  it("gives what the schema gives for valid events", () => {
    for (const e of valid) expect(parseAuditInput(e)).toStrictEqual(AuditEventInput.parse(e));
  });
  it("refuses what the schema refuses, with the schema's error", () => {
    for (const e of invalid) {
      expect(() => AuditEventInput.parse(e)).toThrow();
      expect(() => parseAuditInput(e)).toThrow();
    }
  });
});
