import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VendorError } from "../core/vendor-error";
import { startSim } from "./test-support";

let env: Awaited<ReturnType<typeof startSim>>;
beforeAll(async () => {
  env = await startSim();
});
afterAll(() => env.close());

const vendorError = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VendorError);
  return err as VendorError;
};

describe("JumpCloud v1 system users", () => {
  it("lists with limit/skip, sorts by _id when paging and reports totalCount", async () => {
    const c = env.client();
    const first = await c.listUsers({ limit: 5, skip: 0 });
    expect(first.total).toBe(24);
    expect(first.items).toHaveLength(5);
    const second = await c.listUsers({ limit: 5, skip: 5 });
    expect(second.items[0]!._id > first.items[4]!._id).toBe(true);
    const all = await c.allUsers({}, { pageSize: 5, concurrency: 3 });
    expect(all.map((u) => u._id)).toEqual([...env.org!.users.keys()]);
  });

  it("filters with field:$eq:value, ANDs several filters, projects fields and sorts", async () => {
    const c = env.client();
    const someone = [...env.org!.users.values()][3];
    const byEmail = await c.findUserByEmail(someone!.email);
    expect(byEmail?._id).toBe(someone!._id);
    const both = await c.listUsers({
      filter: [`department:$eq:${someone!.department}`, `username:$eq:${someone!.username}`],
    });
    expect(both.items.map((u) => u._id)).toEqual([someone!._id]);
    const projected = await c.listUsers({ limit: 3, fields: "email" });
    expect(Object.keys(projected.items[0]!).sort()).toEqual(["_id", "email"]);
    const sorted = await c.listUsers({ limit: 100, sort: "-username" });
    const names = sorted.items.map((u) => u.username!);
    expect(names).toEqual([...names].sort().reverse());
    expect((await vendorError(c.listUsers({ limit: 101 }))).status).toBe(400);
  });

  it("searches with POST /search/systemusers", async () => {
    const c = env.client();
    const u = [...env.org!.users.values()][0];
    const r = await c.searchUsers(
      { searchFilter: { searchTerm: u!.lastname.toLowerCase(), fields: ["lastname"] } },
      { limit: 50 },
    );
    expect(r.items.some((x) => x._id === u!._id)).toBe(true);
    expect(r.items.every((x) => x.lastname === u!.lastname)).toBe(true);
    const f = await c.searchUsers({ filter: { and: [{ email: u!.email }] } });
    expect(f.total).toBe(1);
  });

  it("gets, creates (400 when username/email exists), updates and deletes a user", async () => {
    const c = env.client();
    const created = await c.createUser({
      username: "new.hire",
      email: "new.hire@northwind.example",
      firstname: "New",
      lastname: "Hire",
      state: "STAGED",
    } as never);
    expect(created.state).toBe("STAGED");
    expect((await c.getUser(created._id)).email).toBe("new.hire@northwind.example");
    const dup = await vendorError(c.createUser({ username: "new.hire", email: "other@northwind.example" }));
    expect(dup.status).toBe(400);
    expect(dup.vendorMessage).toContain("already exists");
    expect((await vendorError(c.createUser({ username: "x", email: "NEW.HIRE@northwind.example" }))).status).toBe(400);

    const updated = await c.updateUser(created._id, {
      firstname: "Newer",
      account_locked: true,
      mfa: { exclusion: true, exclusionUntil: "2030-01-01T00:00:00.000Z" },
    });
    expect(updated.firstname).toBe("Newer");
    expect(updated.account_locked).toBe(true);
    expect(updated.mfa?.exclusion).toBe(true);
    // STAGED users only become ACTIVATED through state/activate.
    expect((await vendorError(c.updateUser(created._id, { state: "ACTIVATED" }))).status).toBe(400);
    await c.activateUser(created._id, false);
    expect((await c.getUser(created._id)).state).toBe("ACTIVATED");
    expect((await vendorError(c.activateUser(created._id))).status).toBe(400);
    expect((await c.suspendUser(created._id)).state).toBe("SUSPENDED");
    expect((await c.updateUser(created._id, { state: "ACTIVATED" })).state).toBe("ACTIVATED");

    const deleted = await c.deleteUser(created._id);
    expect(deleted._id).toBe(created._id);
    const gone = await vendorError(c.getUser(created._id));
    expect(gone.status).toBe(404);
    expect(gone.retryable).toBe(false);
  });

  it(
    "keeps an alternate email set on create or update, returns it and " +
      "filters by it; refuses one that is no address",
    async () => {
      const c = env.client();
      const u = await c.createUser({
        username: "alt.person",
        email: "alt.person@northwind.example",
        alternateEmail: "alt.person@northwind.onmicrosoft.com",
      });
      expect(u.alternateEmail).toBe("alt.person@northwind.onmicrosoft.com");
      expect((await c.getUser(u._id)).alternateEmail).toBe("alt.person@northwind.onmicrosoft.com");
      const found = await c.listUsers({ filter: ["alternateEmail:$eq:alt.person@northwind.onmicrosoft.com"] });
      expect(found.items.map((x) => x._id)).toEqual([u._id]);
      expect((await c.updateUser(u._id, { alternateEmail: "ap@home.example" })).alternateEmail).toBe("ap@home.example");
      const bad = await vendorError(c.updateUser(u._id, { alternateEmail: "not an address" }));
      expect(bad.status).toBe(400);
      expect((await c.getUser(u._id)).alternateEmail).toBe("ap@home.example");
      // Seeded people have none set, so JumpCloud leaves the field out.
      expect([...env.org!.users.values()][0]).not.toHaveProperty("alternateEmail");
      await c.deleteUser(u._id);
    },
  );

  it("refuses to delete a manager with 409 unless cascade_manager=null", async () => {
    const c = env.client();
    const manager = [...env.org!.users.values()].find((u) =>
      [...env.org!.users.values()].some((x) => x.manager === u._id),
    )!;
    const conflict = await vendorError(c.deleteUser(manager._id));
    expect(conflict.status).toBe(409);
    expect(env.org!.users.has(manager._id)).toBe(true);
    await c.deleteUser(manager._id, { clearManagerOnReports: true });
    expect([...env.org!.users.values()].some((x) => x.manager === manager._id)).toBe(false);
  });

  it("resets MFA, unlocks and expires the password", async () => {
    const c = env.client();
    const u = [...env.org!.users.values()].find((x) => x.state === "ACTIVATED")!;
    await c.resetMfa(u._id, { exclusion: true, exclusionDays: 3 });
    let after = await c.getUser(u._id);
    expect(after.mfa?.exclusion).toBe(true);
    expect(Date.parse(after.mfa!.exclusionUntil!)).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    expect(after.mfaEnrollment?.totpStatus).toBe("PENDING_ACTIVATION");
    await c.resetMfa(u._id, { exclusion: true, exclusionUntil: "2031-05-01T00:00:00.000Z" });
    expect((await c.getUser(u._id)).mfa?.exclusionUntil).toBe("2031-05-01T00:00:00.000Z");
    expect((await vendorError(c.resetMfa(u._id, { exclusionDays: 0 }))).status).toBe(400);

    await c.updateUser(u._id, { account_locked: true });
    await c.unlockUser(u._id);
    after = await c.getUser(u._id);
    expect(after.account_locked).toBe(false);
    await c.expirePassword(u._id);
    expect((await c.getUser(u._id)).password_expired).toBe(true);
    expect((await vendorError(c.unlockUser("000000000000000000000000"))).status).toBe(404);
  });
});
