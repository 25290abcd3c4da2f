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
