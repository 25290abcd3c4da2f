import { clientsFor } from "../../vendors/clients";
import type { RetryPolicy } from "../../vendors/core/http";
import { VendorError } from "../../vendors/core/vendor-error";
import type { GraphSource, GroupKind, JumpCloudClient } from "../../vendors/jumpcloud/client";
import { allPages, type Page } from "../../vendors/jumpcloud/paging";
import type * as S from "../../vendors/jumpcloud/schemas";
import type { SyncContext, VendorSync } from "../context";
import { nodeFetch } from "../node-fetch";
import type { SyncTarget } from "../target";
import type { TargetWriter } from "../writer";
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
 */
export const jumpcloudSync: VendorSync = async (ctx) => {
  const stop = new AbortController();
  const cancel = () => stop.abort(ctx.signal.reason);
  if (ctx.signal.aborted) cancel();
  else ctx.signal.addEventListener("abort", cancel, { once: true });
  const run: Run = {
    ctx, stop,
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

/** Pages after the first, or null when the vendor gave no total. */
function furtherPages(first: Page<unknown>): number | null {
  return first.total === undefined ? null : Math.max(0, Math.ceil(first.total / PAGE) - 1);
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
 * arrives. Only a Ref of each item is kept: holding 100,000 whole systems
 * until the relations are read would cost hundreds of megabytes.
 */
function readRest<T>(run: Run, fetch: Fetch<T>, first: Page<T>, write: (items: T[]) => Promise<void>, ref: (item: T) => Ref): Promise<Ref[]> {
  return allPages<Ref>(async (skip, limit) => {
    if (skip === 0) return { total: first.total, items: first.items.map(ref) };
    const page = await run.gate.run(() => fetch(skip, limit));
    run.ctx.pageRead();
    await write(page.items);
    return { total: page.total, items: page.items.map(ref) };
  }, { pageSize: PAGE, concurrency: run.ctx.concurrency });
}

interface Directory {
  users: Ref[];
  systems: Ref[];
  userGroups: Ref[];
  systemGroups: Ref[];
}

async function readDirectory(run: Run): Promise<Directory> {
  const { client, gate, ctx } = run;
  // Sorting by _id keeps offset pages stable while the directory changes under the read.
  const users: Fetch<S.SystemUser> = (skip, limit) => client.listUsers({ skip, limit, sort: "_id" });
  const systems: Fetch<S.System> = (skip, limit) => client.listSystems({ skip, limit, sort: "_id" });
  const groups = (kind: GroupKind): Fetch<S.Group> => (skip, limit) => client.listGroups(kind, { skip, limit, sort: "_id" });
  const userGroups = groups("user");
  const systemGroups = groups("system");

  const firsts = [gate.run(() => users(0, PAGE)), gate.run(() => systems(0, PAGE)), gate.run(() => userGroups(0, PAGE)), gate.run(() => systemGroups(0, PAGE))] as const;
  const pages = await settleAll<Page<unknown>>([...firsts], run.stop);
  const further = sumPages(pages.map(furtherPages));
  ctx.phase("users, systems and groups", further === null ? null : pages.length + further);
  ctx.pageRead(pages.length);

  const group = (g: S.Group): Ref => ({ id: g.id, name: g.name });
  const reads = [
    readList(run, T.userTarget, users, await firsts[0], (u) => ({ id: u._id, name: u.email || u.username || u._id })),
    readList(run, T.systemTarget, systems, await firsts[1], (x) => ({ id: x._id, name: x.displayName || x.hostname || x._id })),
    readList(run, T.userGroupTarget, userGroups, await firsts[2], group),
    readList(run, T.systemGroupTarget, systemGroups, await firsts[3], group),
  ] as const;
  await settleAll<unknown>([...reads], run.stop);
  return { users: await reads[0], systems: await reads[1], userGroups: await reads[2], systemGroups: await reads[3] };
}

/** One listed resource from its first page on, then finished. */
async function readList<T>(run: Run, target: SyncTarget<T>, fetch: Fetch<T>, first: Page<T>, ref: (item: T) => Ref): Promise<Ref[]> {
  const writer = run.ctx.writer(target);
  const write = serial(writer);
  await write(first.items);
  const refs = await readRest(run, fetch, first, write, ref);
  await writer.finish();
  return refs;
}

/** The relations of one object: how to list them and where they go. */
interface Relations {
  fetch: Fetch<S.GraphConnection>;
  toEdge: (c: S.GraphConnection) => T.JcEdge;
  write: (edges: T.JcEdge[]) => Promise<void>;
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

  const userMembers = ctx.writer(T.userGroupMemberTarget);
  const systemMembers = ctx.writer(T.systemGroupMemberTarget);
  const associations = ctx.writer(T.associationTarget);
  const writeUserMembers = serial(userMembers);
  const writeSystemMembers = serial(systemMembers);
  const writeAssociations = serial(associations);

  const member = (groupId: string) => (c: S.GraphConnection): T.JcEdge => ({
    fromId: groupId, toId: c.to.id, attributes: c.attributes ?? null, connection: c, label: `${name(groupId)} → ${name(c.to.id)}`,
  });
  const association = (fromType: string, fromId: string) => (c: S.GraphConnection): T.JcEdge => ({
    fromId: `${fromType}:${fromId}`, toId: `${c.to.type}:${c.to.id}`, attributes: c.attributes ?? null, connection: c,
    label: `${name(fromId)} → ${name(c.to.id)}`,
  });
  const members = (kind: GroupKind, id: string): Fetch<S.GraphConnection> => (skip, limit) => client.listGroupMembers(kind, id, { skip, limit });
  const bound = (source: GraphSource, id: string): Fetch<S.GraphConnection> => (skip, limit) => client.listAssociations(source, id, DEVICE_SIDE, { skip, limit });

  await readRelationStep(run, "group memberships", [
    { refs: dir.userGroups, relations: (g) => ({ fetch: members("user", g.id), toEdge: member(g.id), write: writeUserMembers }) },
    { refs: dir.systemGroups, relations: (g) => ({ fetch: members("system", g.id), toEdge: member(g.id), write: writeSystemMembers }) },
  ]);
  await userMembers.finish();
  await systemMembers.finish();

  // Associations are stored both ways, so reading the user side covers every user/system binding.
  await readRelationStep(run, "associations", [
    { refs: dir.userGroups, relations: (g) => ({ fetch: bound("usergroups", g.id), toEdge: association("user_group", g.id), write: writeAssociations }) },
    { refs: dir.users, relations: (u) => ({ fetch: bound("users", u.id), toEdge: association("user", u.id), write: writeAssociations }) },
  ]);
  await associations.finish();
}

/** Objects whose relations a step reads, and how to read one's. */
interface RelationSource {
  refs: readonly Ref[];
  relations: (ref: Ref) => Relations;
}

/**
 * One request per object, as a phase of known size; the few objects with more
 * than a page of relations (large groups) get a second phase for the rest.
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
    while (source < sources.length && index >= sources[source].refs.length) {
      source++;
      index = 0;
    }
    if (source >= sources.length) return null;
    const { refs, relations } = sources[source];
    return relations(refs[index++]);
  };
  const lane = async () => {
    for (let r = next(); r; r = next()) {
      const read = r;
      const page = await unlessGone(gate.run(() => read.fetch(0, PAGE)));
      if (!page) continue;
      ctx.pageRead();
      await read.write(page.items.map(read.toEdge));
      const more = page.total === undefined ? page.items.length === PAGE : page.total > PAGE;
      if (more) longer.push({ r: read, first: page });
    }
  };
  const lanes = Math.min(total, Math.max(1, ctx.concurrency) * UNWRITTEN_PAGES_PER_SLOT);
  await settleAll(Array.from({ length: lanes }, lane), run.stop);

  if (longer.length === 0) return;
  ctx.phase(`${name}, further pages`, sumPages(longer.map((l) => furtherPages(l.first))));
  const target = (c: S.GraphConnection): Ref => ({ id: c.to.id, name: "" });
  await settleAll(longer.map(({ r, first }) => unlessGone(readRest(run, r.fetch, first, (items) => r.write(items.map(r.toEdge)), target))), run.stop);
}

/** Names for audit labels; JumpCloud ids are unique across object types. */
function nameIndex(dir: Directory): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of [...dir.users, ...dir.systems, ...dir.userGroups, ...dir.systemGroups]) names.set(r.id, r.name);
  return names;
}
