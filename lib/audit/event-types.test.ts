import { describe, expect, it } from "vitest";
import { OPERATIONS } from "../operations/catalogue";
import { AuditEventInput } from "./event";
import { AUDIT_ACTIONS, FORMER_ACTIONS, isAuditAction } from "./event-types";
import { currentActionName } from "./legacy-names";

describe("the audit event catalogue", () => {
  it("lists each name once, in the form the log accepts", () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const action of AUDIT_ACTIONS) {
      expect(AuditEventInput.safeParse({ action, actor: null, outcome: "success" }).error, action).toBeUndefined();
    }
  });

  it("knows every operation, a sync's drift names, and no made-up name", () => {
    for (const op of OPERATIONS) expect(isAuditAction(op.id), op.id).toBe(true);
    expect(isAuditAction("twingate.device.changed_externally")).toBe(true);
    expect(isAuditAction("trugrid.mfa.turned_sideways")).toBe(false);
  });

  it("maps each former name to a current one, which is not itself former", () => {
    for (const [old, now] of Object.entries(FORMER_ACTIONS)) {
      expect(isAuditAction(old), old).toBe(false);
      expect(currentActionName(old)).toBe(now);
      expect(currentActionName(now)).toBe(now);
    }
  });
});
