import { describe, expect, it, vi } from "vitest";
import { actionDefOf } from "../actions/action-tag";
import { currentActionName } from "../audit/legacy-names";
import { inverseFor, type UndoableEvent } from "../undo/inverse";
import { INVERSES } from "../undo/registry";
import { BULK_OPERATIONS, BULK_RUNBOOKS } from "./catalogue";
import type { BulkOperation, RowPlan } from "./operation";
import { rowAuditEvent } from "./row-event";

// The inverses are wrapped console actions, whose module reads the session: not needed to build an undo's input.
vi.mock("../auth/session", () => import("../../test/session-as"));

// A bulk row is audited under the page action's name so that the page's
// Undo reverses it too. Every operation (and runbook step) is held to one of
// two things: its action has an inverse that reads what a row records, or it
// says why no undo exists.

const TENANT = "tenant-1";
const JC_USER = "5f0c1a2b0000000000000001";
const JC_GROUP = "5f0c1a2b00000000000000a1";
const JC_SYSTEM = "5f0c1a2b00000000000000b1";
const TG_USER = "VXNlcjox";
const TG_DEVICE = "RGV2aWNlOjE=";

interface Sample {
  row: Record<string, string>;
  plan: RowPlan;
  message: string;
}

const jcSnapshot = (state: string) => ({
  userId: JC_USER,
  state,
  suspended: state === "SUSPENDED",
  accountLocked: false,
  passwordExpired: false,
});
const jcMember = (member: boolean) => ({ kind: "user_group", groupId: JC_GROUP, memberId: JC_USER, member });
const jcBound = (associated: boolean) => ({
  fromType: "user",
  fromId: JC_USER,
  toType: "system",
  toId: JC_SYSTEM,
  associated,
});
const tgMember = (member: boolean) => ({ groupId: "R3JvdXA6MQ==", userId: TG_USER, member });
const tgDevice = (activeState: string, isTrusted = false) => ({
  deviceId: TG_DEVICE,
  name: "ALICE-LAPTOP",
  activeState,
  isTrusted,
});
const TG_RESOURCE = "UmVzb3VyY2U6MQ==";
const TG_GROUP = "R3JvdXA6MQ==";
const tgGrant = {
  resourceId: TG_RESOURCE,
  principal: { __typename: "Group", id: TG_GROUP, name: "Finance" },
  securityPolicy: null,
  expiresAt: null,
  usageBasedAutolockDurationDays: null,
};
/** A sheet's access row as planned: the resource, its grants, and the group the row names. */
const tgAccess = (grants: (typeof tgGrant)[]) => ({
  resource: { vendorId: TG_RESOURCE, name: "Finance share", attributes: {} },
  grants,
  principal: { id: TG_GROUP, name: "Finance", kind: "group" },
  policyId: null,
});
const upn = { upn: "Alice.Smith@northwind.example" };
const email = { email: "alice.smith@northwind.example" };

/**
 * A row that succeeded, as each operation plans it (its plan function's
 * shape) and as the vendor answers it. An undoable operation without a
 * sample fails below: add one.
 */
const SAMPLES: Record<string, Sample> = {
  "trugrid.mfa.turned_on": { row: upn, plan: { before: { mfa: "off" }, after: { mfa: "on" } }, message: "Success." },
  "trugrid.mfa.turned_off": {
    row: upn,
    plan: { before: { mfa: "unknown" }, after: { mfa: "off" } },
    message: "Success.",
  },
  "trugrid.udp.enabled": { row: upn, plan: { before: { udp: "unknown" }, after: { udp: "on" } }, message: "Success." },
  "trugrid.udp.disabled": { row: upn, plan: { before: { udp: "on" }, after: { udp: "off" } }, message: "Success." },
  "trugrid.machine_association.set": {
    row: { userUpn: "alice.smith@northwind.example", groupName: "Remote Desktop Farm", machineName: "NW-RDS-02" },
    plan: {
      before: { groupName: "Remote Desktop Farm", machineName: "NW-RDS-01" },
      after: { groupName: "Remote Desktop Farm", machineName: "NW-RDS-02" },
    },
    message: "Success. Previous association with 'NW-RDS-01' replaced.",
  },
  "trugrid.machine_association.removed": {
    row: { upn: "alice.smith@northwind.example", groupName: "Finance Workstations" },
    plan: {
      before: { groupName: "Finance Workstations", machineName: "NW-LT-0042" },
      after: { groupName: "Finance Workstations", machineName: null },
    },
    message:
      "TruGrid: alice.smith@northwind.example → NW-LT-0042 removed from Finance Workstations; " +
      "3 other associations set again.",
  },
  "trugrid.machine_association.cleared": {
    row: { group: "Remote Desktop Farm" },
    plan: {
      before: {
        domain: "northwind.example",
        cached: [
          { userUpn: "alice.smith@northwind.example", groupName: "Remote Desktop Farm", machineName: "NW-RDS-01" },
        ],
      },
      after: [{ item: "Remote Desktop Farm", status: "Success.", ok: true }],
    },
    message: "Success.",
  },
  "jumpcloud.user.suspended": {
    row: email,
    plan: { before: jcSnapshot("ACTIVATED"), after: jcSnapshot("SUSPENDED") },
    message: "JumpCloud: alice is SUSPENDED.",
  },
  "jumpcloud.user.reactivated": {
    row: email,
    plan: { before: jcSnapshot("SUSPENDED"), after: jcSnapshot("ACTIVATED") },
    message: "JumpCloud: alice is ACTIVATED.",
  },
  "jumpcloud.group.member_added": {
    row: { ...email, group: "Engineering" },
    plan: { before: jcMember(false), after: jcMember(true) },
    message: "JumpCloud: added.",
  },
  "jumpcloud.group.member_removed": {
    row: { ...email, group: "Engineering" },
    plan: { before: jcMember(true), after: jcMember(false) },
    message: "JumpCloud: removed.",
  },
  "jumpcloud.association.added": {
    row: { ...email, system: "NW-LT-0042" },
    plan: { before: jcBound(false), after: jcBound(true) },
    message: "JumpCloud: associated.",
  },
  "jumpcloud.association.removed": {
    row: { ...email, system: "NW-LT-0042" },
    plan: { before: jcBound(true), after: jcBound(false) },
    message: "JumpCloud: removed.",
  },
  "jumpcloud.user.created": {
    row: { username: "alice", ...email },
    plan: { before: null, after: { _id: JC_USER, username: "alice", ...email, state: "STAGED" } },
    message: "JumpCloud: created alice (alice.smith@northwind.example), STAGED.",
  },
  "jumpcloud.user.updated": {
    row: { ...email, jobTitle: "Controller", department: "" },
    plan: {
      before: { userId: JC_USER, name: "alice.smith@northwind.example", was: { jobTitle: "Accountant" } },
      after: { _id: JC_USER, ...email, jobTitle: "Controller" },
    },
    message: "JumpCloud: alice.smith@northwind.example saved: jobTitle.",
  },
  "twingate.user.state_changed": {
    row: { ...email, state: "disabled" },
    plan: { before: { userId: TG_USER, state: "ACTIVE" }, after: { userId: TG_USER, state: "DISABLED" } },
    message: "Twingate: alice is DISABLED.",
  },
  "twingate.user.role_changed": {
    row: { ...email, role: "SUPPORT" },
    plan: { before: { userId: TG_USER, role: "MEMBER" }, after: { userId: TG_USER, role: "SUPPORT" } },
    message: "Twingate: alice is SUPPORT.",
  },
  "twingate.user.renamed": {
    row: { ...email, firstName: "Alicia", lastName: "Smith" },
    plan: {
      before: { userId: TG_USER, email: "alice@northwind.example", firstName: "Alice", lastName: "Smith" },
      after: { firstName: "Alicia", lastName: "Smith" },
    },
    message: "Twingate: alice is Alicia Smith.",
  },
  "twingate.user.created": {
    row: { ...email, firstName: "Alice", lastName: "Smith", invite: "no" },
    plan: { before: null, after: { id: TG_USER, ...email, role: "MEMBER", state: "PENDING" } },
    message: "Twingate: alice.smith@northwind.example added (pending).",
  },
  "twingate.resource.access_added": {
    row: { resource: "Finance share", principal: "Finance" },
    plan: { before: tgAccess([]), after: { id: TG_RESOURCE, name: "Finance share" } },
    message: "Done at Twingate.",
  },
  "twingate.resource.access_removed": {
    row: { resource: "Finance share", principal: "Finance" },
    plan: { before: tgAccess([tgGrant]), after: { id: TG_RESOURCE, name: "Finance share" } },
    message: "Done at Twingate.",
  },
  "twingate.group.created": {
    row: { name: "Finance" },
    plan: { before: null, after: { id: TG_GROUP, name: "Finance", securityPolicy: null } },
    message: "Twingate: group Finance created.",
  },
  "twingate.group.members_added": {
    row: { ...email, group: "Engineering" },
    plan: { before: tgMember(false), after: tgMember(true) },
    message: "Twingate: added.",
  },
  "twingate.group.members_removed": {
    row: { ...email, group: "Engineering" },
    plan: { before: tgMember(true), after: tgMember(false) },
    message: "Twingate: removed.",
  },
  "twingate.device.blocked": {
    row: { device: TG_DEVICE },
    plan: { before: tgDevice("ACTIVE"), after: tgDevice("BLOCKED") },
    message: "Twingate: blocked.",
  },
  "twingate.device.unblocked": {
    row: { device: TG_DEVICE },
    plan: { before: tgDevice("BLOCKED"), after: tgDevice("ACTIVE") },
    message: "Twingate: unblocked.",
  },
  "twingate.device.archived": {
    row: { device: TG_DEVICE },
    plan: { before: tgDevice("ACTIVE"), after: tgDevice("ARCHIVED") },
    message: "Twingate: archived.",
  },
  "twingate.device.trusted": {
    row: { device: TG_DEVICE },
    plan: { before: tgDevice("ACTIVE"), after: tgDevice("ACTIVE", true) },
    message: "Twingate: trusted.",
  },
  "twingate.device.unarchived": {
    row: { device: TG_DEVICE },
    plan: { before: tgDevice("ARCHIVED"), after: tgDevice("ACTIVE") },
    message: "Twingate: unarchived.",
  },
  "twingate.device.untrusted": {
    row: { device: TG_DEVICE },
    plan: { before: tgDevice("ACTIVE", true), after: tgDevice("ACTIVE") },
    message: "Twingate: untrusted.",
  },
};

const EVERY_OPERATION = [...BULK_OPERATIONS, ...BULK_RUNBOOKS.flatMap((r) => r.steps)] as unknown as BulkOperation<
  Record<string, unknown>
>[];

/** The event a row's apply records (lib/bulk/apply.ts writes the same), as the log hands it back. */
function rowEvent(op: BulkOperation<Record<string, unknown>>, s: Sample): UndoableEvent {
  const e = rowAuditEvent(
    op,
    op.row.parse(s.row),
    s.plan,
    { status: "succeeded", message: s.message },
    { jobId: "job-1", tenantId: TENANT, actor: null },
  );
  const stored = JSON.parse(JSON.stringify(e)) as typeof e;
  return {
    id: "00000000-0000-4000-8000-000000000001",
    action: stored.action,
    tenantId: TENANT,
    vendor: op.vendor,
    targets: stored.targets ?? [],
    before: stored.before ?? null,
    after: stored.after ?? null,
  };
}

const byIdOf = (id: string) => EVERY_OPERATION.find((o) => o.id === id)!;

describe("every bulk operation and runbook step", () => {
  it("is audited under an action's current name", () => {
    for (const op of EVERY_OPERATION) expect(currentActionName(op.audit.action), op.id).toBe(op.audit.action);
  });

  it("is undone by its action's inverse, from what a row records, or says why it cannot be", () => {
    const undoable = EVERY_OPERATION.filter((op) => inverseFor(INVERSES, op.audit.action));
    for (const op of EVERY_OPERATION.filter((o) => !undoable.includes(o))) {
      expect(
        op.audit.irreversible,
        `${op.id} (${op.audit.action}) has no inverse: say why in audit.irreversible`,
      ).toMatch(/\w{3,}/);
    }
    for (const op of undoable) {
      expect(op.audit.irreversible, `${op.id}: ${op.audit.action} has an inverse`).toBeUndefined();
      const sample = SAMPLES[op.id];
      expect(sample, `${op.id}: add a sample row to SAMPLES`).toBeDefined();
      const plan = inverseFor(INVERSES, op.audit.action)!.plan(rowEvent(op, sample!));
      expect(plan, `${op.id}: ${op.audit.action}'s inverse finds nothing to undo in a row's event`).not.toBeNull();
      // The input is one the inverse action takes, as its undo would send it.
      const def = actionDefOf(plan!.run);
      expect(def, `${op.id}: the inverse is a wrapped action`).toBeDefined();
      const parsed = def!.input.safeParse({ ...plan!.input, undoOf: "00000000-0000-4000-8000-000000000001" });
      expect(parsed.success, `${op.id}: ${def!.name} refuses the undo's input: ${parsed.error?.message}`).toBe(true);
      expect((plan!.input as { tenantId?: string }).tenantId, op.id).toBe(TENANT);
    }
  });

  it("names what the undo puts back: a replaced TruGrid machine, a TruGrid user turned back", () => {
    const byId = (id: string) => EVERY_OPERATION.find((o) => o.id === id)!;
    const set = inverseFor(INVERSES, "trugrid.machine_association.set")!.plan(
      rowEvent(byId("trugrid.machine_association.set"), SAMPLES["trugrid.machine_association.set"]!),
    );
    expect(set?.input).toEqual({
      tenantId: TENANT,
      items: [{ userUpn: "alice.smith@northwind.example", groupName: "Remote Desktop Farm", machineName: "NW-RDS-01" }],
    });
    const udp = inverseFor(INVERSES, "trugrid.udp.enabled")!.plan(
      rowEvent(byId("trugrid.udp.enabled"), SAMPLES["trugrid.udp.enabled"]!),
    );
    expect([actionDefOf(udp?.run)?.name, udp?.input]).toEqual([
      "trugrid.udp.disabled",
      { tenantId: TENANT, upns: ["Alice.Smith@northwind.example"] },
    ]);
  });

  it("adds back a member the former offboarding step removed, and no one JumpCloud said was already gone", () => {
    const removal = inverseFor(INVERSES, "jumpcloud.group.member_removed")!;
    // As the runbook's own step recorded a row before the step became the operation's sheet.
    const former: UndoableEvent = {
      id: "00000000-0000-4000-8000-000000000002",
      action: "jumpcloud.group.member_removed",
      tenantId: TENANT,
      vendor: "jumpcloud",
      targets: [
        { type: "jumpcloud_user_group", id: JC_GROUP, label: "Engineering" },
        { type: "jumpcloud_user", id: JC_USER, label: "alice" },
      ],
      before: jcMember(true),
      after: jcMember(false),
    };
    expect(removal.plan(former)?.input).toEqual({
      tenantId: TENANT,
      kind: "user_group",
      groupId: JC_GROUP,
      memberId: JC_USER,
    });
    const gone = rowEvent(byIdOf("jumpcloud.group.member_removed"), {
      row: { ...email, group: "Engineering" },
      plan: { before: jcMember(true), after: { ...jcMember(false), wasMember: false } },
      message: "JumpCloud: alice was not in Engineering any more.",
    });
    expect(gone.after).toMatchObject({ wasMember: false });
    expect(removal.plan(gone)).toBeNull();
  });
});
