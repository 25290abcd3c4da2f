import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff } from "../../test/factories";
import { actAs } from "../../test/session-as";
import { loadStaff, readStaff } from "../auth/staff";

// Settings → Time zone, called as the signed-in staff member (as the browser does) against this test's database.
vi.mock("../auth/session", () => import("../../test/session-as"));
const setOwnTimeZone = async (input: unknown) => (await import("./time-zone-actions")).setOwnTimeZone(input as never);

let t: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  pool = new pg.Pool({ connectionString: t.url, max: 1 });
});
afterAll(async () => {
  await pool?.end();
  await t?.drop();
});

const lastEvent = () => t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });

describe("setOwnTimeZone", () => {
  it("saves the chosen zone on the caller's own account, audited with before and after", async () => {
    const me = await makeStaff(t.db, { role: "viewer" });
    const other = await makeStaff(t.db, { role: "viewer" });
    actAs(me);
    expect(await setOwnTimeZone({ timeZone: "America/St_Johns" })).toMatchObject({
      ok: true,
      data: { timeZone: "America/St_Johns" },
    });
    expect(await lastEvent()).toMatchObject({
      action: "staff.time_zone_changed",
      outcome: "success",
      actorId: me.id,
      before: { timeZone: null },
      after: { timeZone: "America/St_Johns" },
      targets: [{ type: "staff_user", id: me.id, label: me.email }],
    });
    // What every page reads per request, by both of its readers.
    expect((await readStaff(pool, me.id))?.timeZone).toBe("America/St_Johns");
    expect((await loadStaff(t.db, me.id))?.timeZone).toBe("America/St_Johns");
    expect((await loadStaff(t.db, other.id))?.timeZone).toBeNull();
  });

  it("goes back to following the browser when the choice is emptied", async () => {
    const me = await makeStaff(t.db, { role: "operator" });
    actAs(me);
    await setOwnTimeZone({ timeZone: "Europe/Paris" });
    const form = new FormData();
    form.set("timeZone", "");
    expect(await setOwnTimeZone(form)).toMatchObject({ ok: true, data: { timeZone: null } });
    expect(await lastEvent()).toMatchObject({ before: { timeZone: "Europe/Paris" }, after: { timeZone: null } });
    expect((await readStaff(pool, me.id))?.timeZone).toBeNull();
  });

  it("refuses a zone that is not in the list, and changes nothing", async () => {
    const me = await makeStaff(t.db, { role: "admin" });
    actAs(me);
    await setOwnTimeZone({ timeZone: "Asia/Tokyo" });
    for (const timeZone of ["Europe/Atlantis", "utc", "Asia/Tokyo; x=1"]) {
      expect(await setOwnTimeZone({ timeZone })).toMatchObject({
        ok: false,
        fieldErrors: { timeZone: ["Choose a time zone from the list"] },
      });
    }
    expect((await loadStaff(t.db, me.id))?.timeZone).toBe("Asia/Tokyo");
  });

  it("needs a session", async () => {
    actAs(null);
    expect(await setOwnTimeZone({ timeZone: "UTC" })).toMatchObject({ ok: false });
  });
});
