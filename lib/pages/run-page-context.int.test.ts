import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeTwoTenants } from "../../test/factories";
import type { Staff, TenantSummary } from "../auth/staff";
import { pathId, urlDate, urlText } from "../params/fields";
import { tableSearch } from "../table/params";
import { type PageDef, runPageContext } from "./run-page-context";

let t: TestDatabase;
let tenantA: TenantSummary;
let tenantB: TenantSummary;
let viewer: Staff;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ tenantA, tenantB, viewer } = await makeTwoTenants(t.db, "Page Tenant"));
});
afterAll(() => t.drop());

const env = (staff: Staff | null) => ({
  db: t.db,
  staff: async () => staff,
  meta: async () => ({ ip: "192.0.2.44", userAgent: "vitest" }),
  currentTenant: async () => tenantA,
  tenantsInScope: async (s: Staff) => [tenantA, tenantB].filter((x) => s.tenantIds.includes(x.id)),
});
const props = (params: Record<string, string>, search: Record<string, string | string[]> = {}) => ({
  params: Promise.resolve(params),
  searchParams: Promise.resolve(search),
});
const lastEvent = () => t.db.auditEvent.findFirst({ orderBy: { seq: "desc" } });
// What next/navigation throws for notFound() and redirect(): the page ends there.
const NOT_FOUND = { digest: expect.stringContaining("404") };
const REDIRECT_TO = (path: string) => ({ digest: expect.stringContaining(`;${path};`) });

const Search = tableSearch({ sortable: ["name", "created"], sort: "name" }).extend({
  from: urlDate.optional(),
  note: urlText(20).optional(),
});
const Params = z.object({ tenantId: pathId(100) });
const tenantPage: PageDef<typeof Params, typeof Search> = {
  page: "/settings/tenants/[tenantId]",
  perm: "console.read",
  params: Params,
  search: Search,
  tenant: ({ params }) => params.tenantId,
};

describe("runPageContext", () => {
  it("gives the staff user, the named tenant and the parsed query", async () => {
    const ctx = await runPageContext(
      props({ tenantId: tenantA.id }, { sort: "created", from: "2026-02-03", note: ["a", "b"] }),
      tenantPage,
      env(viewer),
    );
    expect(ctx.staff.id).toBe(viewer.id);
    expect(ctx.tenant).toEqual(tenantA);
    expect(ctx.search).toMatchObject({ sort: "created", from: new Date("2026-02-03"), note: "a", page: 1 });
    expect(ctx.ignored).toEqual([]);
  });

  it("drops bad query values with a notice for each, never an error", async () => {
    const ctx = await runPageContext(
      props(
        { tenantId: tenantA.id },
        {
          q: "a\u0000",
          from: "-271821-04-20",
          page: "99999999999999999999999999",
          sort: "nope",
          note: "x".repeat(100),
          dir: "desc",
        },
      ),
      tenantPage,
      env(viewer),
    );
    expect(ctx.search).toMatchObject({ q: "", page: 1, sort: "name", dir: "desc" });
    expect(ctx.search.from).toBeUndefined();
    expect(ctx.ignored.map((i) => i.param).sort()).toEqual(["from", "note", "page", "q", "sort"]);
    expect(ctx.kept).toEqual({ dir: "desc" });
  });

  it("another tenant's id in the path is not found, and a denied event names the page and the tenant", async () => {
    await expect(runPageContext(props({ tenantId: tenantB.id }), tenantPage, env(viewer))).rejects.toMatchObject(
      NOT_FOUND,
    );
    expect(await lastEvent()).toMatchObject({
      action: "page.viewed",
      outcome: "denied",
      actorId: viewer.id,
      tenantId: tenantB.id,
      ip: "192.0.2.44",
      targets: [{ type: "page", id: "/settings/tenants/[tenantId]" }],
      reason: expect.stringContaining("not in the caller's scope"),
    });
  });

  it("a malformed path parameter is not found before any query, and recorded as denied", async () => {
    for (const tenantId of ["a\u0000b", "%E0%A4%A", "x".repeat(101)]) {
      await expect(runPageContext(props({ tenantId }), tenantPage, env(viewer))).rejects.toMatchObject(NOT_FOUND);
      expect(await lastEvent()).toMatchObject({
        outcome: "denied",
        tenantId: null,
        reason: "invalid path parameter 'tenantId': an invalid id",
      });
    }
  });

  it("no session redirects to sign-in; a missing permission back to the overview; both are denied events", async () => {
    await expect(runPageContext(props({ tenantId: tenantA.id }), tenantPage, env(null))).rejects.toMatchObject(
      REDIRECT_TO("/login"),
    );
    expect(await lastEvent()).toMatchObject({
      action: "page.viewed",
      outcome: "denied",
      actorId: null,
      reason: "not signed in",
    });
    const adminPage = { page: "/settings/staff", perm: "staff.manage", tenant: "global" } as const;
    await expect(runPageContext(props({}), adminPage, env(viewer))).rejects.toMatchObject(
      REDIRECT_TO("/?denied=staff.manage"),
    );
    expect(await lastEvent()).toMatchObject({
      outcome: "denied",
      actorId: viewer.id,
      reason: expect.stringContaining("viewer lacks staff.manage"),
      targets: [{ type: "page", id: "/settings/staff" }],
    });
  });

  it(
    "found(): " + "a lookup that finds nothing in the tenant is not found and a denied event naming the object",
    async () => {
      const ctx = await runPageContext(
        props({ id: "u-1" }),
        { page: "/jumpcloud/users/[id]", perm: "console.read", tenant: "current", params: z.object({ id: pathId() }) },
        env(viewer),
      );
      expect(ctx.tenant).toEqual(tenantA);
      expect(await ctx.found(Promise.resolve({ id: "u-1" }), { type: "jumpcloud_user", id: "u-1" })).toEqual({
        id: "u-1",
      });
      await expect(ctx.found(Promise.resolve(null), { type: "jumpcloud_user", id: "u-2" })).rejects.toMatchObject(
        NOT_FOUND,
      );
      expect(await lastEvent()).toMatchObject({
        action: "page.viewed",
        outcome: "denied",
        tenantId: tenantA.id,
        reason: "jumpcloud_user u-2 is not in the caller's tenants",
        targets: [
          { type: "page", id: "/jumpcloud/users/[id]" },
          { type: "jumpcloud_user", id: "u-2" },
        ],
      });
    },
  );
});
