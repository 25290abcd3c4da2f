import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJumpCloudSim, JUMPCLOUD_SIM_ORG_IDS } from "../../../sim/jumpcloud";
import type { Org } from "../../../sim/jumpcloud/state";
import { interceptingProxy } from "../../../test/intercepting-proxy";
import { type SyncHarness, syncHarness } from "../../../test/sync-harness";
import { JumpCloudClient } from "../../vendors/jumpcloud/client";
import { jumpcloudSync } from "./sync";
import { cachedIds, DEVICE_SIDE, upstreamIds } from "./test-support";

// JumpCloud lists are offset-paged (skip/limit): records removed before a
// walk's position while it reads shift the later ones back across a page
// boundary, so records that still exist go unread. The run must not take
// them, or their relations, for deleted.

const ORG_ID = JUMPCLOUD_SIM_ORG_IDS[0];

let sim: ReturnType<typeof createJumpCloudSim>;
let proxy: Awaited<ReturnType<typeof interceptingProxy>>;
let h: SyncHarness;
/** Talks to the simulator directly: the vendor's own changes, made while the sync walks. */
let client: JumpCloudClient;
let org: Org;
/** The user group whose members span three pages. */
let everyone: string;
/** Called once, as the sync sends the nth request whose path is `path`. */
let onRequest: { path: string; nth: number; act: () => Promise<void> } | null = null;

beforeAll(async () => {
  sim = createJumpCloudSim({ size: "small" });
  const { url } = await sim.server.listen(0);
  org = sim.state.orgs.get(ORG_ID)!;
  client = new JumpCloudClient({
    baseUrl: url,
    credentials: { apiKey: sim.credentials.mspApiKey, orgId: ORG_ID },
    timeoutMs: 10_000,
    retry: { retries: 3, minDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 2_000 },
  });
  // Users on three pages, and a group of 250 of them.
  everyone = (await client.createGroup("user", { name: "Everyone" })).id;
  for (let i = 0; i < 250; i += 10) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, k) => {
        const u = await client.createUser({ username: `staff${i + k}`, email: `staff${i + k}@northwind.example` });
        await client.modifyGroupMembers("user", everyone, "add", u._id);
      }),
    );
  }
  // The users a shifted walk misses (about the 200th) are bound to a system, so that their associations show too.
  const system = [...org.systems.keys()][0]!;
  for (const id of [...org.users.keys()].slice(190, 210))
    await client.modifyAssociation("users", id, { op: "add", type: "system", id: system });
  proxy = await interceptingProxy(url, async (method, u) => {
    if (method !== "GET" || !onRequest || u.pathname !== onRequest.path || --onRequest.nth > 0) return;
    const { act } = onRequest;
    onRequest = null;
    await act();
  });
  h = await syncHarness("jumpcloud", jumpcloudSync, {
    baseUrl: proxy.url,
    secrets: { apiKey: sim.credentials.mspApiKey },
    settings: { orgId: ORG_ID },
  });
});

afterAll(async () => {
  await h?.close();
  await proxy?.close();
  await sim?.server.close();
});

const upstream = () => upstreamIds(org);
const cached = () => cachedIds(h.pool, h.tenantId);

/** Per resource, what the organisation still holds that the cache has marked deleted (or never had). */
async function liveButNotCached(): Promise<Record<string, string[]>> {
  const have = await cached();
  return Object.fromEntries(
    Object.entries(upstream()).map(([k, ids]) => [k, [...ids].filter((id) => !have[k]?.has(id))]),
  );
}
const KINDS = [
  "user",
  "system",
  "user_group",
  "system_group",
  "user_group_member",
  "system_group_member",
  "association",
];
const nothingMissing = Object.fromEntries(KINDS.map((k) => [k, []]));

describe("a JumpCloud sync whose lists change under its walks", () => {
  it(
    "marks no user that still exists deleted, nor its associations, " +
      "and leaves what it cannot tell for the next run",
    async () => {
      expect((await h.run()).status).toBe("succeeded");
      expect(await cached()).toEqual(upstream());
      expect(org.users.size, "users span three pages").toBeGreaterThan(250);

      // Three users of the first page, managing nobody, with their relations.
      const managers = new Set([...org.users.values()].map((u) => u.manager));
      const gone = [...org.users.keys()]
        .slice(0, 99)
        .filter((id) => !managers.has(id))
        .slice(0, 3);
      const memberships = gone.reduce((n, id) => n + (org.memberOf.get(id)?.size ?? 0), 0);
      const bindings = gone.reduce(
        (n, id) =>
          n + [...(org.associations.get(`user:${id}`)?.keys() ?? [])].filter((k) => DEVICE_SIDE.test(k)).length,
        0,
      );
      expect(bindings).toBeGreaterThan(0);
      // Two pages of users have been read when the third is asked for; the
      // deletions then move what was at the top of the third page onto the second.
      onRequest = {
        path: "/api/systemusers",
        nth: 3,
        act: async () => {
          for (const id of gone) await client.deleteUser(id);
        },
      };
      // One request at a time, so that the third page is read only after the deletions.
      const disturbed = await h.run({ concurrency: 1 });
      expect(onRequest).toBeNull();
      expect(disturbed.status).toBe("succeeded");
      expect(await liveButNotCached()).toEqual(nothingMissing);
      // The second page ended with the user then at 198, now at 195; the third began at 198.
      const users = [...org.users.keys()];
      const [ended, began] = [users[195], users[198]];
      expect(disturbed.detail).toMatchObject({
        user: {
          deleted: 0,
          deletionsDeferred:
            `the list changed while it was read (the page at skip 198 began with ${began}, where the ` +
            `page at skip 99 ended with ${ended}); rows it did not list are left for the next run`,
        },
        // The users' associations are read user by user: those of a user the walk missed were not.
        association: {
          deleted: 0,
          deletionsDeferred:
            `the user list changed while it was read (the page at skip 198 began with ${began}, ` +
            `where the page at skip 99 ended with ${ended}): the relations of a user it ` +
            `missed were not read, so edges the run did not list are left for the next run`,
        },
        // Memberships are read group by group, and the groups held still.
        user_group_member: { deleted: memberships },
      });
      for (const kind of KINDS.filter((k) => k !== "user" && k !== "association")) {
        expect(disturbed.detail, kind).not.toHaveProperty(`${kind}.deletionsDeferred`);
      }

      // The next run reads lists that hold still and marks the rest of what went.
      const next = await h.run({ concurrency: 1 });
      expect(next).toMatchObject({ status: "succeeded", deleted: gone.length + bindings });
      expect(next.detail).not.toHaveProperty("user.deletionsDeferred");
      expect(next.detail).not.toHaveProperty("association.deletionsDeferred");
      expect(await cached()).toEqual(upstream());
      const rows = await h.t.db.jumpcloudUser.findMany({ where: { tenantId: h.tenantId, vendorId: { in: gone } } });
      expect(rows.map((r) => r.deletedAt)).toEqual(gone.map(() => expect.any(Date)));
    },
  );

  it(
    "marks no membership that still exists deleted when a large group's " +
      "members move, and defers only that group's",
    async () => {
      expect((await h.run()).status).toBe("succeeded");
      expect(await cached()).toEqual(upstream());
      const members = [...org.members.get(everyone)!];
      expect(members.length, "members span three pages").toBeGreaterThan(200);
      // Removed before the run: one member of another group, marked deleted by
      // it; one of the large group past the page the run is disturbed at, which
      // it cannot tell from a shifted one.
      const small = [...org.userGroups.keys()].find((g) => g !== everyone && (org.members.get(g)?.size ?? 0) > 0)!;
      const [smallLeaver] = org.members.get(small)!;
      await client.modifyGroupMembers("user", small, "remove", smallLeaver!);
      const lateLeaver = members[240];
      await client.modifyGroupMembers("user", everyone, "remove", lateLeaver!);
      // The large group's first page has been read when its second is asked for;
      // three members of the first page then leave, and three members move back
      // onto the first page.
      const early = members.slice(0, 3);
      const now = members.filter((m) => m !== lateLeaver);
      onRequest = {
        path: `/api/v2/usergroups/${everyone}/members`,
        nth: 2,
        act: async () => {
          for (const m of early) await client.modifyGroupMembers("user", everyone, "remove", m);
        },
      };
      const disturbed = await h.run({ concurrency: 1 });
      expect(onRequest).toBeNull();
      expect(disturbed.status).toBe("succeeded");
      expect(await liveButNotCached()).toEqual(nothingMissing);
      expect(disturbed.deleted).toBe(1);
      expect(disturbed.detail).toMatchObject({
        user_group_member: {
          deleted: 1,
          deletionsDeferred:
            `the relations of ${everyone} changed while they were read (${everyone}: the page ` +
            `at skip 99 began with user:${now[102]}, where the page at skip 0 ended with ` +
            `user:${now[99]}); their edges the run did not list are left for the next run`,
        },
      });
      const edge = (group: string, member: string) =>
        h.t.db.vendorEdge.findFirstOrThrow({
          where: { tenantId: h.tenantId, kind: "user_group_member", vendorId: `${group}|${member}` },
        });
      expect((await edge(small, smallLeaver!)).deletedAt).toEqual(expect.any(Date));
      expect((await edge(everyone, lateLeaver!)).deletedAt).toBeNull();

      // The next run reads the group holding still and marks the four that left it.
      const next = await h.run({ concurrency: 1 });
      expect(next).toMatchObject({ status: "succeeded", deleted: 4 });
      expect(next.detail).not.toHaveProperty("user_group_member.deletionsDeferred");
      expect(await cached()).toEqual(upstream());
    },
  );
});
