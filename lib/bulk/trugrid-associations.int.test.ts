import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TruGridSim } from "../../sim/trugrid";
import { type BulkHarness, trugridBulkHarness } from "../../test/bulk-harness";
import { bulkRowsOf, planConfirmed } from "../../test/bulk-jobs";
import type { SyncHarness } from "../../test/sync-harness";
import { applyBulkJob } from "./apply";

let sim: TruGridSim;
let h: SyncHarness;
let staffId: string;

const domain = () => sim.state.domains.values().next().value!;

let env: BulkHarness<TruGridSim> | undefined;
beforeAll(async () => {
  env = await trugridBulkHarness("operator");
  ({ sim, h, staffId } = env);
});
afterAll(() => env?.close());

describe("TruGrid bulk machine associations", () => {
  it("adds a user to a shared server; the cache row is the sync's own, so the next sync writes nothing", async () => {
    const farm = domain().associations.get("remote desktop farm")!;
    const [, server] = [...farm.byUser][0]!;
    const edge = await h.t.db.vendorEdge.findFirstOrThrow({
      where: { tenantId: h.tenantId, kind: "machine_association", toId: "Remote Desktop Farm", deletedAt: null },
    });
    const serverName = (edge.attributes as { machineName: string }).machineName;
    const newcomer = await h.t.db.trugridUser.findFirstOrThrow({
      where: { tenantId: h.tenantId, deletedAt: null, emailNorm: { notIn: [...farm.byUser.keys()] } },
      orderBy: { emailNorm: "asc" },
    });
    // An admin has given the newcomer the farm (TruGrid wants that before an association).
    domain().assignments.set(newcomer.emailNorm, { key: newcomer.upn, targets: new Set(["remote desktop farm"]) });

    const { jobId, counts } = await planConfirmed(h.t.db, {
      tenantId: h.tenantId,
      staffId,
      operationId: "trugrid.machine_association.set",
      fileName: "moves.csv",
      csv: `userUpn,groupName,machineName\n${newcomer.upn},Remote Desktop Farm,${serverName}\n`,
    });
    expect(counts).toMatchObject({ create: 1 });
    expect(await applyBulkJob(h.t.db, jobId)).toBe("completed");
    const [row] = await bulkRowsOf(h.t.db, jobId);
    expect(row!.vendorMessage).toBe("Success.");
    expect(row).toMatchObject({ status: "succeeded" });
    expect(farm.byUser.get(newcomer.emailNorm)).toBe(server);

    const cached = await h.t.db.vendorEdge.findFirstOrThrow({
      where: {
        tenantId: h.tenantId,
        kind: "machine_association",
        toId: "Remote Desktop Farm",
        fromId: newcomer.upn,
        deletedAt: null,
      },
    });
    expect(cached.attributes).toMatchObject({ machineName: serverName });
    expect(cached.hash).not.toBe("");

    const next = await h.run();
    expect(next).toMatchObject({ status: "succeeded", created: 0, updated: 0, deleted: 0, driftEvents: 0 });
    expect((await h.t.db.vendorEdge.findUniqueOrThrow({ where: { id: cached.id } })).hash).toBe(cached.hash);
  });
});
