import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SyncHarness, syncHarness } from "../../test/sync-harness";
import type { User } from "../vendors/twingate/schemas";
import type { VendorSync } from "./context";
import { deviceTarget, userTarget } from "./twingate/targets";

// The engine around a vendor's sync: when people are linked. A stand-in sync
// writes users through the engine's writers, as the vendor syncs do, and looks
// at the Person table while it is still running.

const user = (n: number): User =>
  ({
    id: `U${n}`,
    email: `Person.${n}@Example.com`,
    firstName: `First${n}`,
    lastName: "Last",
    state: "ACTIVE",
    role: "MEMBER",
    type: "MANUAL",
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
  }) as unknown as User;

let step: VendorSync = async () => {};
let h: SyncHarness;
beforeAll(async () => {
  // No vendor is asked anything: the stand-in sync below is the whole run.
  h = await syncHarness("twingate", (ctx) => step(ctx), {
    baseUrl: "http://127.0.0.1:9",
    secrets: { apiKey: "unused" },
  });
});
afterAll(async () => {
  await h.close();
});

const persons = () =>
  h.t.db.person.findMany({
    where: { tenantId: h.tenantId },
    orderBy: { emailNorm: "asc" },
    select: { emailNorm: true },
  });

/** Waits until `check` holds, for at most a few seconds; false if it never did. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (const until = Date.now() + 5_000; Date.now() < until; await new Promise((r) => setTimeout(r, 25)))
    if (await check()) return true;
  return false;
}

describe("runSync", () => {
  it("links people as soon as the run's users are complete, while the rest of the run goes on", async () => {
    let linkedWhileRunning = false;
    step = async (ctx) => {
      const users = ctx.writer(userTarget);
      await users.write([user(1), user(2)]);
      await users.finish();
      // The devices are still being read: the people must not wait for them.
      linkedWhileRunning = await eventually(async () => (await persons()).length === 2);
      const devices = ctx.writer(deviceTarget);
      await devices.finish();
    };
    const run = await h.run();
    expect(run).toMatchObject({ status: "succeeded", created: 2 });
    expect(linkedWhileRunning).toBe(true);
    expect(await persons()).toEqual([{ emailNorm: "person.1@example.com" }, { emailNorm: "person.2@example.com" }]);
    expect(await h.t.db.personKey.count({ where: { tenantId: h.tenantId } })).toBe(2);
  });

  it(
    "keeps the people linked from a complete user list when a later " +
      "read fails, and ends the run after the linking",
    async () => {
      step = async (ctx) => {
        const users = ctx.writer(userTarget);
        await users.write([user(1), user(2), user(3)]);
        await users.finish();
        throw new Error("devices: the vendor stopped answering");
      };
      const run = await h.run();
      expect(run).toMatchObject({ status: "failed", error: "devices: the vendor stopped answering" });
      // The run was recorded as ended only after the linking it had started: nothing of it writes afterwards.
      expect((await persons()).map((p) => p.emailNorm)).toEqual([
        "person.1@example.com",
        "person.2@example.com",
        "person.3@example.com",
      ]);
    },
  );

  it(
    "finishes a writer once however often it is asked to, and links " + "at the end of a run that had no user list",
    async () => {
      step = async (ctx) => {
        const users = ctx.writer(userTarget);
        await users.write([user(4)]);
        const [a, b] = await Promise.all([users.finish(), users.finish()]);
        expect(a).toBe(b);
      };
      expect(await h.run()).toMatchObject({ status: "succeeded", created: 1, deleted: 3 });
      expect(await persons()).toHaveLength(4);

      // A user the cache learnt of outside a sync (a console action writes it), then a run that lists no users:
      // nothing finished early, so the people are linked at the end, and that user is one of them.
      await h.t.db.twingateUser.create({
        data: {
          tenantId: h.tenantId,
          vendorId: "U9",
          email: "new.hire@example.com",
          emailNorm: "new.hire@example.com",
          state: "ACTIVE",
          raw: {},
          hash: "",
        },
      });
      step = async (ctx) => {
        await ctx.writer(deviceTarget).finish();
      };
      expect(await h.run()).toMatchObject({ status: "succeeded" });
      expect((await persons()).map((p) => p.emailNorm)).toContain("new.hire@example.com");
    },
  );
});
