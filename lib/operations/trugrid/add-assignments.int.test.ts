import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TruGridSim } from "../../../sim/trugrid";
import { actInHarness, type BulkHarness, trugridBulkHarness } from "../../../test/bulk-harness";

// The assignments page's action, derived from add-assignments.ts, against
// the TruGrid simulator over HTTP: it sends a key given twice in separate
// requests, as a CSV file's rows always were, since TruGrid refuses a key
// that is not unique in one request.

// The page action reads the session (the acting staff member) and the app's database (this test's).
vi.mock("../../auth/session", () => import("../../../test/session-as"));

let env: BulkHarness<TruGridSim>;
const domain = () => {
  const d = env.sim.state.domains.values().next().value;
  if (!d) throw new Error("no domain");
  return d;
};
const assigned = (key: string) => [...(domain().assignments.get(key.toLowerCase())?.targets ?? [])];
const actions = () => import("../../trugrid/directory-actions");

beforeAll(async () => {
  env = await trugridBulkHarness("admin");
  await actInHarness(env);
}, 120_000);
afterAll(() => env?.close());

describe("resource assignments from the assignments page", () => {
  it("assigns a user group two machines named on two lines, each line with TruGrid's own status", async () => {
    const edges = await env.h.t.db.vendorEdge.findMany({
      where: { tenantId: env.h.tenantId, kind: "machine_association", deletedAt: null },
    });
    const machines = [...new Set(edges.map((e) => (e.attributes as { machineName: string }).machineName))];
    const [first, second] = machines.filter((m) => !assigned("Finance Users").includes(m.toLowerCase()));
    if (!first || !second) throw new Error("The simulator has no two machines to assign.");
    const tenantId = env.h.tenantId;
    const assignments = [
      { key: "Finance Users", value: [first] },
      { key: "Finance Users", value: [second] },
    ];
    const res = await (await actions()).addUserMachineAssignments({ tenantId, assignments });
    expect(res, JSON.stringify(res)).toMatchObject({
      ok: true,
      data: { failed: [], succeeded: [`Finance Users → ${first}`, `Finance Users → ${second}`] },
    });
    expect(assigned("Finance Users")).toEqual(expect.arrayContaining([first.toLowerCase(), second.toLowerCase()]));
    const event = await env.h.t.db.auditEvent.findFirstOrThrow({
      where: { tenantId, action: "trugrid.assignment.created" },
      orderBy: { seq: "desc" },
    });
    expect(event).toMatchObject({
      outcome: "success",
      after: {
        assignments: [
          { key: "Finance Users", value: [first], status: "Success." },
          { key: "Finance Users", value: [second], status: "Success." },
        ],
      },
    });
  });
});

describe("what TruGrid cannot be asked, an event's before says from the cache and the log", () => {
  const lastEvent = (action: string) =>
    env.h.t.db.auditEvent.findFirstOrThrow({ where: { tenantId: env.h.tenantId, action }, orderBy: { seq: "desc" } });

  it("an assignment made again names the pairs this console assigned already", async () => {
    const tenantId = env.h.tenantId;
    const { assignments } = (await lastEvent("trugrid.assignment.created")).after as {
      assignments: { key: string; value: string[] }[];
    };
    const [pair] = assignments;
    const res = await (await actions()).addUserMachineAssignments({ tenantId, assignments: [pair!, pair!] });
    expect(res.ok).toBe(true);
    const [value] = pair!.value;
    expect((await lastEvent("trugrid.assignment.created")).before).toEqual({
      alreadyAssigned: { [pair!.key]: { [value!]: expect.stringMatching(/^by this console on \d{4}-\d{2}-\d{2}$/) } },
    });
  });

  it("an AD user sync names the users the last sync already saw; a UPN suffix, those added here before", async () => {
    const tenantId = env.h.tenantId;
    const known = await env.h.t.db.trugridUser.findFirstOrThrow({ where: { tenantId, deletedAt: null } });
    const fresh = `new.hire@${known.upn.split("@")[1]}`;
    await (await actions()).syncAddedAdUsers({ tenantId, names: [known.upn, fresh] });
    expect((await lastEvent("trugrid.ad.users_synced")).before).toEqual({ alreadyKnown: [known.upn] });

    const suffix = "branch.northwind-probe.example";
    await (await actions()).addUpnSuffixes({ tenantId, suffixes: [suffix] });
    expect((await lastEvent("trugrid.upn_suffix.added")).before).toEqual({ alreadyAdded: [] });
    await (await actions()).addUpnSuffixes({ tenantId, suffixes: [suffix] });
    expect((await lastEvent("trugrid.upn_suffix.added")).before).toEqual({ alreadyAdded: [suffix] });

    // TruGrid keeps no list of application associations: the event says so rather than guess.
    await (await actions()).clearAppAssociations({ tenantId, groups: ["Finance Users"] });
    expect((await lastEvent("trugrid.app_association.cleared")).before).toEqual({
      applicationAssociations: null,
      why: "TruGrid has no call that lists them.",
    });
  });
});
