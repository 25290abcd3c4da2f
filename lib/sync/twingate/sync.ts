import type { FetchLike, RetryPolicy } from "../../vendors/core/http";
import { type PaceKind, type PaceLimit, TWINGATE_LIMITS } from "../../vendors/twingate/pacer";
import type { SyncContext, VendorSync } from "../context";
import { nodeFetch } from "../node-fetch";
import type { TargetWriter } from "../writer";
import { accessGrant } from "./documents";
import { type Page, PageRunner } from "./pages";
import { type TwingateReads, twingateReads } from "./reads";
import {
  connectorTarget,
  deviceTarget,
  groupMemberTarget,
  groupTarget,
  remoteNetworkTarget,
  resourceAccessTarget,
  resourceTarget,
  securityPolicyTarget,
  serviceAccountKeyTarget,
  serviceAccountTarget,
  userTarget,
} from "./targets";

export interface TwingateSyncTuning {
  retry?: RetryPolicy;
  timeoutMs?: number;
  /** Items per page, nested connections included; Twingate serves at most 100. */
  pageSize?: number;
  /** The HTTP implementation (tests watch the answers through it); nodeFetch by default. */
  fetch?: FetchLike;
}

const MAX_PAGE = 100;

/** A sync waits out Retry-After up to a whole rate-limit window rather than fail a long run. */
export const SYNC_RETRY: RetryPolicy = { retries: 5, minDelayMs: 500, maxDelayMs: 15_000, maxRetryAfterMs: 65_000 };

function writersFor(ctx: SyncContext) {
  return {
    users: ctx.writer(userTarget),
    devices: ctx.writer(deviceTarget),
    groups: ctx.writer(groupTarget),
    groupMembers: ctx.writer(groupMemberTarget),
    resources: ctx.writer(resourceTarget),
    resourceAccess: ctx.writer(resourceAccessTarget),
    remoteNetworks: ctx.writer(remoteNetworkTarget),
    connectors: ctx.writer(connectorTarget),
    serviceAccounts: ctx.writer(serviceAccountTarget),
    serviceAccountKeys: ctx.writer(serviceAccountKeyTarget),
    securityPolicies: ctx.writer(securityPolicyTarget),
  };
}
type Writers = ReturnType<typeof writersFor>;

const nodes = <N>(page: Page<{ node: N }>) => page.edges.map((e) => e.node);

/**
 * Reads a list whose items carry the first page of a nested connection, and
 * pages further, from that connection's own cursor, only the parents that
 * have more. The parent is written without the nested connection: its
 * cursors and counts change whenever a sibling does.
 */
async function listWithNested<P extends { id: string }, E>(
  pages: PageRunner,
  pageSize: number,
  phase: string,
  readList: (after: string | null) => Promise<Page<{ node: P }>>,
  nestedOf: (parent: P) => Page<E>,
  readNested: (parentId: string, after: string | null) => Promise<Page<E>>,
  write: (parents: P[], nested: { parentId: string; edges: E[] }[]) => Promise<void>,
): Promise<void> {
  const more: Promise<void>[] = [];
  try {
    await pages.walk(
      phase,
      readList,
      async (page) => {
        const parents = nodes(page);
        await write(
          parents,
          parents.map((p) => ({ parentId: p.id, edges: nestedOf(p).edges })),
        );
        for (const parent of parents) {
          const first = nestedOf(parent);
          if (!first.pageInfo.hasNextPage) continue;
          more.push(
            pages.start(() =>
              pages.walk(
                phase,
                (after) => readNested(parent.id, after),
                (p) => write([], [{ parentId: parent.id, edges: p.edges }]),
                {
                  pageSize,
                  after: first.pageInfo.endCursor,
                  readBefore: { items: first.edges.length, totalCount: first.totalCount },
                },
              ),
            ),
          );
        }
      },
      { phase, pageSize },
    );
  } catch (err) {
    // Follow-ups stop at their next page and end before the failure is passed on.
    pages.fail(err);
    await Promise.allSettled(more);
    throw err;
  }
  await pages.join(more);
}

function readers(api: TwingateReads, pages: PageRunner, w: Writers, pageSize: number): (() => Promise<void>)[] {
  // A flat list is complete once its own walk is: it is finished then (unseen rows marked deleted, people
  // linked from a complete user list) while longer walks go on.
  const flat =
    <N>(phase: string, read: (after: string | null) => Promise<Page<{ node: N }>>, writer: TargetWriter<N>) =>
    async () => {
      await pages.walk(phase, read, (page) => writer.write(nodes(page)), { phase, pageSize });
      await writer.finish();
    };

  return [
    flat("users", api.users, w.users),
    flat("devices", api.devices, w.devices),
    () =>
      listWithNested(
        pages,
        pageSize,
        "groups",
        api.groups,
        (g) => g.users,
        api.groupMembers,
        async (groups, members) => {
          await w.groups.write(groups.map(({ users: _, ...group }) => group));
          await w.groupMembers.write(
            members.flatMap((m) => m.edges.map((e) => ({ groupId: m.parentId, userId: e.node.id }))),
          );
        },
      ),
    () =>
      listWithNested(
        pages,
        pageSize,
        "resources",
        api.resources,
        (r) => r.access,
        api.resourceAccess,
        async (resources, access) => {
          await w.resources.write(resources.map(({ access: _, ...resource }) => resource));
          await w.resourceAccess.write(access.flatMap((a) => a.edges.map((e) => accessGrant(a.parentId, e))));
        },
      ),
    () =>
      listWithNested(
        pages,
        pageSize,
        "service accounts",
        api.serviceAccounts,
        (s) => s.keys,
        api.serviceAccountKeys,
        async (accounts, keys) => {
          await w.serviceAccounts.write(accounts.map(({ keys: _, ...account }) => account));
          await w.serviceAccountKeys.write(keys.flatMap((k) => k.edges.map((e) => e.node)));
        },
      ),
    flat("remote networks", api.remoteNetworks, w.remoteNetworks),
    flat("connectors", api.connectors, w.connectors),
    flat("security policies", api.securityPolicies, w.securityPolicies),
  ];
}

/**
 * The Twingate sync against a given budget for the API token (shared by every
 * worker through ctx.pacer) and HTTP tuning: tests and benchmarks pace
 * against simulators whose limits differ from the real ones.
 */
export function twingateSyncWith(
  limits: Record<PaceKind, PaceLimit> = TWINGATE_LIMITS,
  opts: TwingateSyncTuning = {},
): VendorSync {
  const pageSize = Math.min(opts.pageSize ?? MAX_PAGE, MAX_PAGE);
  return async (ctx) => {
    const api = twingateReads(ctx.connection, {
      pacer: ctx.pacer(limits),
      retry: opts.retry ?? SYNC_RETRY,
      timeoutMs: opts.timeoutMs ?? 35_000,
      pageSize,
      fetch: opts.fetch ?? nodeFetch,
    });
    const pages = new PageRunner(ctx);
    const w = writersFor(ctx);
    await pages.all(readers(api, pages, w, pageSize));
    // Only now are the nested lists known to be complete (flat ones finished as their walks ended): a list
    // whose read failed anywhere marks nothing deleted.
    for (const writer of Object.values(w) as TargetWriter<unknown>[]) await writer.finish();
  };
}

export const twingateSync: VendorSync = twingateSyncWith();
