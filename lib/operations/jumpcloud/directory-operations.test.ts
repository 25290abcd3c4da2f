import { describe, expect, it } from "vitest";
import { actionInputOf, actionSchema, itemsOf } from "../items";
import activateUser from "./activate-user";
import addAssociation from "./add-association";
import createGroup from "./create-group";
import deleteUser from "./delete-user";
import removeAssociation from "./remove-association";
import updateUser from "./update-user";

const USER = "5f0c1a2b0000000000000001";
const userEvent = (before: unknown) => ({
  id: "e1",
  action: "jumpcloud.user.updated",
  tenantId: "t1",
  vendor: "jumpcloud" as const,
  targets: [{ type: "jumpcloud_user", id: USER, label: "a@x.example" }],
  before,
  after: null,
});

describe("JumpCloud's user page operations", () => {
  it("restores the details an event changed, with their old values, as the page's undo did", () => {
    const items = updateUser.inverse?.items(userEvent({ jobTitle: "Accountant", department: "" }));
    expect(items).toEqual([{ userId: USER, jobTitle: "Accountant", department: "" }]);
    // The input the user page's undo sent before the operation existed: {tenantId, userId, ...the old values}.
    expect(actionInputOf(updateUser, "t1", items ?? [])).toEqual({
      tenantId: "t1",
      userId: USER,
      jobTitle: "Accountant",
      department: "",
    });
    expect(updateUser.inverse?.items(userEvent(null))).toBeNull();
    expect(updateUser.inverse?.items({ ...userEvent({ jobTitle: "x" }), targets: [] })).toBeNull();
  });

  it("takes a form's checkbox for the activation email and the manager field, with the page's defaults", () => {
    const activate = actionSchema(activateUser);
    expect(itemsOf(activateUser, activate.parse({ tenantId: "t1", userId: USER }))).toEqual([
      { userId: USER, sendEmail: true },
    ]);
    expect(activate.parse({ tenantId: "t1", userId: USER, sendEmail: "false" }).sendEmail).toBe(false);
    const del = actionSchema(deleteUser);
    expect(del.parse({ tenantId: "t1", userId: USER }).clearManagerOnReports).toBe(false);
    expect(del.parse({ tenantId: "t1", userId: USER, clearManagerOnReports: "on" }).clearManagerOnReports).toBe(true);
  });

  it("audits a delete as the user page did: who the user was, then deleted", () => {
    const was = { email: "a@x.example", username: "a", state: "ACTIVATED" };
    const state = { userId: USER, ...was };
    const sent = [{ item: { userId: USER, clearManagerOnReports: false }, state }];
    expect(deleteUser.audit.before(sent)).toEqual(was);
    expect(deleteUser.audit.before([{ ...sent[0], state: null }] as never)).toBeNull();
    expect(deleteUser.audit.after([{ ...sent[0], outcome: { ok: true, message: "" } }] as never)).toEqual({
      deleted: true,
    });
    expect(deleteUser.audit.targets(sent[0]!.item, state)).toEqual([
      { type: "jumpcloud_user", id: USER, label: "a@x.example" },
    ]);
  });
});

describe("JumpCloud's group creation", () => {
  const item = { kind: "system_group" as const, name: "Kiosks", description: "" };
  const group = { id: "5f0c1a2b00000000000000c1", name: "Kiosks", type: "system_group" as const };

  it("names the new group until JumpCloud gives it an id, then by its id, as the groups page recorded it", () => {
    expect(createGroup.audit.targets(item)).toEqual([{ type: "jumpcloud_system_group", id: "(new)", label: "Kiosks" }]);
    expect(createGroup.audit.targets(item, null, group)).toEqual([
      { type: "jumpcloud_system_group", id: group.id, label: "Kiosks" },
    ]);
    const done = [{ item, state: null, outcome: { ok: true, message: "", answer: group } }];
    expect(createGroup.audit.before([])).toBeUndefined();
    expect(createGroup.audit.after(done)).toEqual({ kind: "system_group", name: "Kiosks", description: "" });
    expect(createGroup.result?.(done)).toEqual({ id: group.id, name: "Kiosks" });
  });

  it("takes the groups page's form: a description left out is empty", () => {
    const input = actionSchema(createGroup).parse({ tenantId: "t1", kind: "user_group", name: " Contractors " });
    expect(itemsOf(createGroup, input)).toEqual([{ kind: "user_group", name: "Contractors", description: "" }]);
  });
});

describe("JumpCloud's associations", () => {
  const SYSTEM = "5f0c1a2b00000000000000b1";
  const GROUP = "5f0c1a2b00000000000000a1";
  const pair = { fromType: "user", fromId: USER, toType: "system", toId: SYSTEM };
  const event = (action: string, before: unknown) => ({ ...userEvent(before), action });

  it("undoes a binding from what the page and a sheet's row recorded, with the page's undo input", () => {
    const items = addAssociation.inverse?.items(event("jumpcloud.association.added", { ...pair, associated: false }));
    expect(items).toEqual([pair]);
    expect(addAssociation.inverse?.op).toBe("jumpcloud.association.removed");
    // What the hand-written undo sent: the tenant and the pair.
    expect(actionInputOf(removeAssociation, "t1", items ?? [])).toEqual({ tenantId: "t1", ...pair });
    const groups = { fromType: "user_group", fromId: GROUP, toType: "system_group", toId: SYSTEM, associated: true };
    expect(removeAssociation.inverse?.items(event("jumpcloud.association.removed", groups))).toEqual([
      { fromType: "user_group", fromId: GROUP, toType: "system_group", toId: SYSTEM },
    ]);
    expect(removeAssociation.inverse?.items(event("jumpcloud.association.removed", null))).toBeNull();
  });

  it("audits both sides as the associations page did, and a sheet's row as the pair its plan found", () => {
    const state = { fromName: "a@x.example", toName: null, associated: false };
    const sent = [{ item: pair as never, state }];
    expect(addAssociation.audit.targets(pair as never, state)).toEqual([
      { type: "jumpcloud_user", id: USER, label: "a@x.example" },
      { type: "jumpcloud_system", id: SYSTEM },
    ]);
    expect(addAssociation.audit.before(sent)).toEqual({ ...pair, associated: false });
    expect(removeAssociation.audit.after([{ ...sent[0]!, outcome: { ok: true, message: "" } }])).toEqual({
      ...pair,
      associated: false,
    });
    const row = { email: "a@x.example", system: "NW-LT-0042" };
    expect(addAssociation.csv?.toItem?.(row, { ...pair, ...state })).toEqual(pair);
  });
});
