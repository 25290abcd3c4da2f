import { clientsFor } from "../../vendors/clients";
import type { RetryPolicy } from "../../vendors/core/http";
import { VendorError } from "../../vendors/core/vendor-error";
import type { WalkReport } from "../../vendors/core/walk-report";
import type { GraphSource, GroupKind, JumpCloudClient } from "../../vendors/jumpcloud/client";
import { checkedPages, endsList, overlappingSkips, type Page } from "../../vendors/jumpcloud/paging";
import type * as S from "../../vendors/jumpcloud/schemas";
import type { SyncContext, VendorSync } from "../context";
import { nodeFetch } from "../node-fetch";
import type { SyncTarget } from "../target";
import { listMovedDuringRead, type TargetWriter } from "../writer";
import { CallGate, settleAll } from "./call-gate";
import * as T from "./targets";

/** JumpCloud's largest page. */
const PAGE = 100;
/** An unattended run waits out 429s and 5xx rather than failing on the first one. */
const RETRY: RetryPolicy = { retries: 6, minDelayMs: 500, maxDelayMs: 15_000, maxRetryAfterMs: 65_000 };
const TIMEOUT_MS = 30_000;
/** Pages read but not yet handed to their writer, per request slot. */
const UNWRITTEN_PAGES_PER_SLOT = 8;
/** Everything a user or user group can be bound to on the device side. */
const DEVICE_SIDE: S.GraphType[] = ["system", "system_group"];

interface Run {
  ctx: SyncContext;
  client: JumpCloudClient;
  gate: CallGate;
  stop: AbortController;
}

type Fetch<T> = (skip: number, limit: number) => Promise<Page<T>>;

/** Pages arrive concurrently; the writer takes them one at a time. */
function serial<T>(writer: TargetWriter<T>) {
  let tail = Promise.resolve();
  return (items: T[]) => (tail = tail.then(() => writer.write(items)));
}

/**
 * Reads the tenant's JumpCloud organisation into the cache: users, systems and
 * both kinds of groups first, then group memberships, then user-side
 * associations, one request per object. Each step reads first pages, which
 * tell the totals, then the further pages in parallel, so every phase knows
 * its page count. All calls share one cap of ctx.concurrency; a resource is
 * finished (its unseen rows marked deleted) only after its complete read.
 *
 * Every list is offset-paged (skip/limit), so a record removed before a
 * walk's position while it reads shifts a live one past it unread. The walks
 * are checked (checkedPages): a walk that cannot prove it saw every record
 * leaves the rows it did not see as they are, and the run's detail says why;
 * the next run over a list that holds still marks them. Keyset paging
 * (v1 `filter=_id:$gt:<last>`) was not taken: the v1 spec documents `$gt`
 * on "a valid field from an endpoint response" but not how an ObjectId
 * compares with the string sent (a service that does not convert it matches
 * nothing past page one, and every later record would look deleted); v2
 * group lists name their filterable fields and `id` is not one; the graph
 * lists take no filter or sort at all; and each page would wait for the one
 * before.
 */
export const jumpcloudSync: VendorSync = async (ctx) => {
  const stop = new AbortController();
  const cancel = () => stop.abort(ctx.signal.reason);
  if (ctx.signal.aborted) cancel();
  else ctx.signal.addEventListener("abort", cancel, { once: true });
  const run: Run = {
    ctx,
    stop,
    client: clientsFor.jumpcloud(ctx.connection, { timeoutMs: TIMEOUT_MS, retry: RETRY, fetch: nodeFetch }),
    gate: new CallGate(Math.max(1, ctx.concurrency), stop.signal),
  };
  try {
    const directory = await readDirectory(run);
    await readRelations(run, directory);
  } finally {
    ctx.signal.removeEventListener("abort", cancel);
  }
};

/** Pages after the first (each repeating the last item of the one before), or null when the vendor gave no total. */
function furtherPages(first: Page<unknown>): number | null {
  return first.total === undefined ? null : overlappingSkips(first.total, PAGE).length;
}

function sumPages(counts: (number | null)[]): number | null {
  return counts.some((n) => n === null) ? null : counts.reduce<number>((a, n) => a + (n ?? 0), 0);
}

/** What the relation reads need of a listed object; the rest of it is in the cache already. */
interface Ref {
  id: string;
  name: string;
}

/**
 * The pages after a first one already read and written, each written as it
 * arrives (an item on two pages is written twice; the writer counts it
 * once). Only a Ref of each item is kept: holding 100,000 whole systems
 * until the relations are read would cost hundreds of megabytes. `report`
 * says whether the walk can vouch for having seen every item.
 */
function readRest<T>(
  run: Run,
  fetch: Fetch<T>,
  first: Page<T>,
  write: (items: T[]) => Promise<void>,
  ref: (item: T) => Ref,
  report: WalkReport,
): Promise<Ref[]> {
  return checkedPages<Ref>(
    async (skip, limit) => {
      if (skip === 0) return { total: first.total, items: first.items.map(ref) };
      const page = await run.gate.run(() => fetch(skip, limit));
      run.ctx.pageRead();
      await write(page.items);
      return { total: page.total, items: page.items.map(ref) };
    },
    { pageSize: PAGE, concurrency: run.ctx.concurrency, key: (r) => r.id, report },
  );
}

/** A listed resource's refs, and why its walk could not vouch for having seen every record (or null). */
interface Listed {
  refs: Ref[];
  changed: string | null;
}

interface Directory {
  users: Listed;
  systems: Listed;
  userGroups: Listed;
  systemGroups: Listed;
}

async function readDirectory(run: Run): Promise<Directory> {
  const { client, gate, ctx } = run;
  // Sorting by _id keeps offset pages stable while the directory changes under the read.
  const users: Fetch<S.SystemUser> = (skip, limit) => client.listUsers({ skip, limit, sort: "_id" });
  const systems: Fetch<S.System> = (skip, limit) => client.listSystems({ skip, limit, sort: "_id" });
  const groups =
    (kind: GroupKind): Fetch<S.Group> =>
    (skip, limit) =>
      client.listGroups(kind, { skip, limit, sort: "_id" });
  const userGroups = groups("user");
  const systemGroups = groups("system");

  const firsts = [
    gate.run(() => users(0, PAGE)),
    gate.run(() => systems(0, PAGE)),
    gate.run(() => userGroups(0, PAGE)),
    gate.run(() => systemGroups(0, PAGE)),
  ] as const;
  const pages = await settleAll<Page<unknown>>([...firsts], run.stop);
  const further = sumPages(pages.map(furtherPages));
  ctx.phase("users, systems and groups", further === null ? null : pages.length + further);
  ctx.pageRead(pages.length);

  const group = (g: S.Group): Ref => ({ id: g.id, name: g.name });
  const reads = [
    readList(run, T.userTarget, users, await firsts[0], (u) => ({ id: u._id, name: u.email || u.username || u._id })),
    readList(run, T.systemTarget, systems, await firsts[1], (x) => ({
      id: x._id,
      name: x.displayName || x.hostname || x._id,
    })),
    readList(run, T.userGroupTarget, userGroups, await firsts[2], group),
    readList(run, T.systemGroupTarget, systemGroups, await firsts[3], group),
  ] as const;
  await settleAll<unknown>([...reads], run.stop);
  return { users: await reads[0], systems: await reads[1], userGroups: await reads[2], systemGroups: await reads[3] };
}

/**
 * One listed resource from its first page on, then finished; rows the walk
 * did not see are marked deleted only when it can vouch for having seen
 * every record that exists.
 */
async function readList<T>(
  run: Run,
  target: SyncTarget<T>,
  fetch: Fetch<T>,
  first: Page<T>,
  ref: (item: T) => Ref,
): Promise<Listed> {
  const writer = run.ctx.writer(target);
  const write = serial(writer);
  await write(first.items);
  const report: WalkReport = { listChanged: null };
  const refs = await readRest(run, fetch, first, write, ref, report);
  const changed = report.listChanged;
  await writer.finish({ deferDeletions: listMovedDuringRead(changed) });
  return { refs, changed };
}

/**
 * One edge table being filled, and the objects whose relation reads saw
 * their list change (the edges' fromId, with what showed it).
 */
interface EdgeSink {
  writer: TargetWriter<T.JcEdge>;
  write: (edges: T.JcEdge[]) => Promise<void>;
  disturbed: Map<string, string>;
}

function edgeSink(ctx: SyncContext, target: SyncTarget<T.JcEdge>): EdgeSink {
  const writer = ctx.writer(target);
  return { writer, write: serial(writer), disturbed: new Map() };
}

/** The relations of one object: how to list them and where they go. */
interface Relations {
  fetch: Fetch<S.GraphConnection>;
  /** The fromId of its edges. */
  from: string;
  toEdge: (c: S.GraphConnection) => T.JcEdge;
  sink: EdgeSink;
}

/** Deleted since it was listed: it has no relations now, and the next run marks the object itself deleted. */
async function unlessGone<R>(read: Promise<R>): Promise<R | null> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof VendorError && err.status === 404) return null;
    throw err;
  }
}

async function readRelations(run: Run, dir: Directory): Promise<void> {
  const { client, ctx } = run;
  const names = nameIndex(dir);
  const name = (id: string) => names.get(id) ?? id;

  const userMembers = edgeSink(ctx, T.userGroupMemberTarget);
  const systemMembers = edgeSink(ctx, T.systemGroupMemberTarget);
  const associations = edgeSink(ctx, T.associationTarget);

  const member = (groupId: string) => ({
    from: groupId,
    toEdge: (c: S.GraphConnection): T.JcEdge => ({
      fromId: groupId,
      toId: c.to.id,
      attributes: c.attributes ?? null,
      connection: c,
      label: `${name(groupId)} → ${name(c.to.id)}`,
    }),
  });
  const association = (fromType: string, fromId: string) => ({
    from: `${fromType}:${fromId}`,
    toEdge: (c: S.GraphConnection): T.JcEdge => ({
      fromId: `${fromType}:${fromId}`,
      toId: `${c.to.type}:${c.to.id}`,
      attributes: c.attributes ?? null,
      connection: c,
      label: `${name(fromId)} → ${name(c.to.id)}`,
    }),
  });
  const members =
    (kind: GroupKind, id: string): Fetch<S.GraphConnection> =>
    (skip, limit) =>
      client.listGroupMembers(kind, id, { skip, limit });
  const bound =
    (source: GraphSource, id: string): Fetch<S.GraphConnection> =>
    (skip, limit) =>
      client.listAssociations(source, id, DEVICE_SIDE, { skip, limit });

  await readRelationStep(run, "group memberships", [
    {
      refs: dir.userGroups.refs,
      relations: (g) => ({ fetch: members("user", g.id), ...member(g.id), sink: userMembers }),
    },
    {
      refs: dir.systemGroups.refs,
      relations: (g) => ({ fetch: members("system", g.id), ...member(g.id), sink: systemMembers }),
    },
  ]);
  await finishEdges(userMembers, [["user group", dir.userGroups]]);
  await finishEdges(systemMembers, [["system group", dir.systemGroups]]);

  // Associations are stored both ways, so reading the user side covers every user/system binding.
  await readRelationStep(run, "associations", [
    {
      refs: dir.userGroups.refs,
      relations: (g) => ({ fetch: bound("usergroups", g.id), ...association("user_group", g.id), sink: associations }),
    },
    {
      refs: dir.users.refs,
      relations: (u) => ({ fetch: bound("users", u.id), ...association("user", u.id), sink: associations }),
    },
  ]);
  await finishEdges(associations, [
    ["user group", dir.userGroups],
    ["user", dir.users],
  ]);
}

/**
 * Finishes an edge table, marking its unseen edges deleted only where the
 * reads vouch for them. When a list of the objects whose relations it holds
 * changed under its walk, an object that walk missed had its relations left
 * unread, and which objects those are is unknown: no edge is marked deleted.
 * Otherwise only the edges of objects whose own relation read saw the list
 * change are left, so that one busy large group (people leaving "All Users"
 * during a run) does not hold back every other edge's deletion.
 */
function finishEdges(sink: EdgeSink, parents: [string, Listed][]): Promise<unknown> {
  const moved = parents.find(([, listed]) => listed.changed);
  if (moved) {
    const [kind, listed] = moved;
    return sink.writer.finish({
      deferDeletions:
        `the ${kind} list changed while it was read (${listed.changed}): the relations of a ${kind} ` +
        `it missed were not read, so edges the run did not list are left for the next run`,
    });
  }
  const [first] = sink.disturbed;
  if (!first) return sink.writer.finish();
  const [from, why] = first;
  const others = sink.disturbed.size > 1 ? ` and ${sink.disturbed.size - 1} more` : "";
  return sink.writer.finish({
    deferDeletions:
      `the relations of ${from}${others} changed while they were read ` +
      `(${from}: ${why}); their edges the run did not list are left for the next run`,
    deferOnly: { column: "fromId", values: [...sink.disturbed.keys()] },
  });
}

/** Objects whose relations a step reads, and how to read one's. */
interface RelationSource {
  refs: readonly Ref[];
  relations: (ref: Ref) => Relations;
}

/**
 * One request per object, as a phase of known size; the few objects with more
 * than a page of relations (large groups) get a second phase for the rest,
 * whose walks are checked: an object whose relations changed under its walk
 * is noted in its sink.
 */
async function readRelationStep(run: Run, name: string, sources: RelationSource[]): Promise<void> {
  const { ctx, gate } = run;
  const total = sources.reduce((n, s) => n + s.refs.length, 0);
  ctx.phase(name, total);
  // A fixed number of lanes take the next object when they are done with one,
  // so reads run ahead of the writer by a bounded number of pages, and only
  // the objects in hand have their closures and promises in memory: one
  // pending task per object (50,000 users) held tens of megabytes until the
  // step ended. Only first pages with more behind them are kept for the
  // second phase.
  const longer: { r: Relations; first: Page<S.GraphConnection> }[] = [];
  let source = 0;
  let index = 0;
  const next = (): Relations | null => {
    for (; source < sources.length; source++, index = 0) {
      const { refs, relations } = sources[source] as RelationSource;
      const ref = refs[index];
      if (ref !== undefined) {
        index++;
        return relations(ref);
      }
    }
    return null;
  };
  const lane = async () => {
    for (let r = next(); r; r = next()) {
      const read = r;
      const page = await unlessGone(gate.run(() => read.fetch(0, PAGE)));
      if (!page) continue;
      ctx.pageRead();
      await read.sink.write(page.items.map(read.toEdge));
      // A first page that reaches the end was read whole at once: nothing can have shifted.
      if (!endsList(page, 0, PAGE)) longer.push({ r: read, first: page });
    }
  };
  const lanes = Math.min(total, Math.max(1, ctx.concurrency) * UNWRITTEN_PAGES_PER_SLOT);
  await settleAll(Array.from({ length: lanes }, lane), run.stop);

  if (longer.length === 0) return;
  ctx.phase(`${name}, further pages`, sumPages(longer.map((l) => furtherPages(l.first))));
  const target = (c: S.GraphConnection): Ref => ({ id: `${c.to.type}:${c.to.id}`, name: "" });
  await settleAll(
    longer.map(async ({ r, first }) => {
      const report: WalkReport = { listChanged: null };
      const read = await unlessGone(
        readRest(run, r.fetch, first, (items) => r.sink.write(items.map(r.toEdge)), target, report),
      );
      if (read && report.listChanged) r.sink.disturbed.set(r.from, report.listChanged);
    }),
    run.stop,
  );
}

/** Names for audit labels; JumpCloud ids are unique across object types. */
function nameIndex(dir: Directory): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of [...dir.users.refs, ...dir.systems.refs, ...dir.userGroups.refs, ...dir.systemGroups.refs])
    names.set(r.id, r.name);
  return names;
}
