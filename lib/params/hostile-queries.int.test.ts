import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import { exportAuditEvents } from "../audit/export";
import { AuditFilter } from "../audit/filter";
import { recordAudit } from "../audit/record";
import type { Staff } from "../auth/staff";
import { createPgPool } from "../db/pg-pool";
import { listAssociations } from "../jumpcloud/queries/associations";
import { GROUP_SORTS, listGroups } from "../jumpcloud/queries/groups";
import { listSystems, SYSTEM_SORTS } from "../jumpcloud/queries/systems";
import { USER_SORTS as JC_USER_SORTS, listUsers as listJumpcloudUsers } from "../jumpcloud/queries/users";
import { listPeople, PEOPLE_SORTS } from "../people/list-people";
import { streamCsv } from "../table/csv-stream";
import { readTableState } from "../table/params";
import { listTrugridUsers, USER_SORTS as TG_USER_SORTS } from "../trugrid/list-users";
import { DeviceTableSearch, deviceTable } from "../truu/device-filters";
import { DEVICE_CSV_HEADER, deviceExportSql } from "../truu/export-devices";
import { AssetTableSearch, assetTable, listAssets } from "../truu/list-assets";
import { listDevices } from "../truu/list-devices";
import { listUsers as listTruuUsers, UserTableSearch, userTable } from "../truu/list-users";
import {
  listTwingateDevices,
  listTwingateUsers,
  DEVICE_SORTS as TW_DEVICE_SORTS,
  USER_SORTS as TW_USER_SORTS,
} from "../twingate/queries";
import { checkParams, type RawParams, readParams } from "./read";

// What a hostile link puts in a query parameter: each of these reached
// Postgres before and failed there (a 500), or would have.
const NUL = "\u0000";
const HOSTILE = [
  NUL,
  `alice${NUL}`,
  "-271821-04-20",
  "+275760-09-13",
  "99999999999999999999999999",
  "x".repeat(5000),
  "%00",
  "\u001b[2J",
  "'; DROP TABLE x; --",
];
// Every filter any table reads, and the generic ones every page is probed with.
const KEYS = [
  "q",
  "page",
  "size",
  "sort",
  "dir",
  "hide",
  "from",
  "to",
  "before",
  "after",
  "cursor",
  "tenant",
  "tenantId",
  "actor",
  "action",
  "target",
  "outcome",
  "vendor",
  "job",
  "type",
  "assurance",
  "active",
  "stale",
  "devices",
  "state",
  "lock",
  "mfa",
  "udp",
  "only",
  "missing",
  "trusted",
  "role",
  "user",
];

let t: TestDatabase;
let pool: pg.Pool;
let tenantId: string;
let staff: Staff;

beforeAll(async () => {
  t = await createTestDatabase();
  // The audit log's page query reads the app's own client (lib/db): this test's database.
  process.env.DATABASE_URL = t.url;
  pool = createPgPool(t.url, 2);
  tenantId = (await makeTenant(t.db)).id;
  staff = await makeStaff(t.db, { role: "admin", tenantIds: [tenantId] });
  await recordAudit(t.db, {
    action: "tenant.renamed",
    actor: { id: staff.id, email: staff.email, name: staff.name },
    tenantId,
    outcome: "success",
  });
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

const drain = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();
const collect = async (chunks: AsyncGenerator<string>) => {
  let out = "";
  for await (const c of chunks) out += c;
  return out;
};

/** Each page's query, fed from its URL the way the page reads it (bad values dropped). */
const PAGES: Record<string, (search: RawParams) => Promise<unknown>> = {
  "audit log": async (s) => (await import("../audit/query")).listAuditEvents(staff, readParams(AuditFilter, s).values),
  "truu devices": (s) => {
    const { state, filter } = deviceTable(readParams(DeviceTableSearch, s).values);
    return listDevices(pool, tenantId, state, filter);
  },
  "truu devices export": (s) => {
    const { state, filter } = deviceTable(readParams(DeviceTableSearch, s).values);
    return drain(streamCsv(DEVICE_CSV_HEADER, deviceExportSql(tenantId, state, filter), pool));
  },
  "truu users": (s) => {
    const { state, filter } = userTable(readParams(UserTableSearch, s).values);
    return listTruuUsers(t.db, tenantId, state, filter);
  },
  "truu assets": (s) => {
    const { state, type } = assetTable(readParams(AssetTableSearch, s).values);
    return listAssets(t.db, tenantId, state, type);
  },
  "jumpcloud users": (s) =>
    listJumpcloudUsers(t.db, tenantId, readTableState(s, { sortable: JC_USER_SORTS, sort: "email" }), {}),
  "jumpcloud systems": (s) =>
    listSystems(t.db, tenantId, readTableState(s, { sortable: SYSTEM_SORTS, sort: "name" }), {}),
  "jumpcloud groups": (s) =>
    listGroups(t.db, tenantId, "user_group", readTableState(s, { sortable: GROUP_SORTS, sort: "name" })),
  "jumpcloud associations": (s) =>
    listAssociations(t.db, tenantId, "user-system", readTableState(s, { sortable: ["from"], sort: "from" })),
  people: (s) => listPeople(t.db, tenantId, readTableState(s, { sortable: PEOPLE_SORTS, sort: "email" }), {}),
  "trugrid users": (s) =>
    listTrugridUsers(t.db, tenantId, readTableState(s, { sortable: TG_USER_SORTS, sort: "upn" }), {}),
  "twingate users": (s) =>
    listTwingateUsers(t.db, tenantId, readTableState(s, { sortable: TW_USER_SORTS, sort: "email" }), {}),
  "twingate devices": (s) =>
    listTwingateDevices(t.db, tenantId, readTableState(s, { sortable: TW_DEVICE_SORTS, sort: "name" }), {}),
};

describe("hostile query parameters never reach Postgres", () => {
  for (const [name, run] of Object.entries(PAGES)) {
    it(`${name}: every key with every hostile value gives a (corrected) view`, async () => {
      for (const key of KEYS) {
        for (const value of HOSTILE) {
          await expect(run({ [key]: value }), `${key}=${JSON.stringify(value.slice(0, 40))}`).resolves.toBeDefined();
        }
      }
      await expect(run(Object.fromEntries(KEYS.map((k) => [k, HOSTILE[1]])))).resolves.toBeDefined();
    });
  }

  it("the audit export refuses a bad filter by name before any query, and runs every one it accepts", async () => {
    for (const key of KEYS) {
      for (const value of HOSTILE) {
        const checked = checkParams(AuditFilter, { [key]: value });
        if (!checked.ok) {
          expect(checked.problem.param).toBe(key);
          continue;
        }
        await expect(
          collect(exportAuditEvents(pool, staff, checked.values, "csv")),
          `${key}=${JSON.stringify(value.slice(0, 40))}`,
        ).resolves.toContain("seq,id,at");
      }
    }
    // The cases of issue 16, by name.
    expect(checkParams(AuditFilter, { q: `a${NUL}` })).toMatchObject({ ok: false, problem: { param: "q" } });
    expect(checkParams(AuditFilter, { from: "-271821-04-20" })).toMatchObject({
      ok: false,
      problem: { param: "from", problem: "an invalid date" },
    });
    expect(checkParams(AuditFilter, { before: "99999999999999999999999999" })).toMatchObject({
      ok: false,
      problem: { param: "before", problem: "an invalid cursor" },
    });
  });
});
