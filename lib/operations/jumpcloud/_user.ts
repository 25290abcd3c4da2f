import { z } from "zod";
import { type ColumnSpec, UPN_ALIASES } from "../../bulk/headers";
import { type CachedUser, userProblem, usersByEmail } from "../../bulk/operations/jumpcloud-lookup";
import { cacheUser } from "../../jumpcloud/cache";
import { userSnapshot, userTarget } from "../../jumpcloud/targets";
import { Upn } from "../../people/upn";
import { normEmail } from "../../sync/target";
import type { UndoableEvent } from "../../undo/inverse";
import { failureMessage, inDoubt } from "../../vendors/core/vendor-message";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import type * as S from "../../vendors/jumpcloud/schemas";
import type { CacheContext, Checked, Done, OpContext, Outcome, PlanKind, Sent } from "../operation";

// What JumpCloud's changes of one user (suspend, reactivate, unlock, expire
// the password, reset TOTP) share: a user is named by JumpCloud's id (a sheet
// names them by email, found in the cache), one call per user, and the user
// re-read from JumpCloud afterwards is the answer the audit and the cache take
// (what the sync writes).

export const JcId = z
  .string()
  .trim()
  .regex(/^[a-f0-9]{24}$/i, "A JumpCloud object ID");

export type UserItem = { userId: string };
export const UserItem = z.object({ userId: JcId });

/** The cached user before the change: the audit's snapshot, the plan's fields, the id and a name for targets. */
export type UserState = {
  userId: string;
  name: string | null;
  state: string | null;
  suspended: boolean | null;
  accountLocked: boolean | null;
  passwordExpired: boolean | null;
  mfaStatus: string | null;
  totpEnabled: boolean | null;
};

const stateOf = (u: CachedUser): UserState => ({
  userId: u.vendorId,
  name: u.email || u.username || null,
  ...(userSnapshot(u) as NonNullable<ReturnType<typeof userSnapshot>>),
  mfaStatus: u.mfaStatus ?? null,
  totpEnabled: u.totpEnabled ?? null,
});

/** The cached users named; null for one the cache does not hold (the page sends anyway: JumpCloud decides). */
export async function cachedUsers(ctx: CacheContext, items: UserItem[]) {
  const users = await ctx.db.jumpcloudUser.findMany({
    where: { tenantId: ctx.tenantId, vendorId: { in: items.map((i) => i.userId) } },
  });
  const by = new Map(users.map((u) => [u.vendorId, stateOf(u)]));
  return items.map((i) => ({ state: by.get(i.userId) ?? null }));
}

export const EMAIL_COLUMN: ColumnSpec = {
  field: "email",
  header: "email",
  aliases: UPN_ALIASES,
  required: true,
  example: "alice.smith@northwind.example",
};
export const EmailRow = z.object({ email: Upn });

/**
 * A sheet's email must name exactly one JumpCloud user of the tenant as of
 * the last sync; `plan` says whether that user needs the change (or why
 * not), from the cached user.
 */
export function knownEmails(plan: (u: UserState, email: string) => PlanKind | { refused: string }) {
  return eachKnownUser((u, r) => {
    const state = stateOf(u);
    const p = plan(state, r.email);
    return typeof p === "string" ? { state, plan: p } : p;
  });
}

/** A sheet's check: each row's email must name exactly one cached user, whom `check` then plans. */
export function eachKnownUser<R extends { email: string }, S>(check: (u: CachedUser, row: R) => Checked<S>) {
  return async (ctx: CacheContext, rows: R[]): Promise<Checked<S>[]> => {
    const find = await usersByEmail(
      ctx.db,
      ctx.tenantId,
      rows.map((r) => r.email),
    );
    return rows.map((r) => {
      const found = find(r.email);
      const problem = userProblem(r.email, found);
      const [u] = found;
      return problem || !u ? { refused: problem ?? "Not known." } : check(u, r);
    });
  };
}

/** A sheet's row sends its user's id, from the state its plan recorded. */
export const userOfRow = (_row: unknown, state: UserState | null): UserItem => ({ userId: state?.userId ?? "" });

/**
 * Sends one change of one user, then re-reads the user. A person is told a
 * failure in JumpCloud's words by the action itself; a worker's row fails
 * with them, or, when a resend could do harm and no answer came, stays in
 * doubt (thrown: the bulk applier marks it unknown). A worker whose re-read
 * fails after the change leaves the refresh to the next sync.
 */
export async function changeUser<I extends UserItem>(
  ctx: OpContext,
  s: Sent<I, UserState | null>,
  o: { idempotent: boolean; send: (c: JumpCloudClient, item: I) => Promise<unknown>; said: (name: string) => string },
): Promise<Outcome<S.SystemUser>[]> {
  const client = ctx.client as JumpCloudClient;
  const { userId } = s.item;
  try {
    await o.send(client, s.item);
  } catch (err) {
    if (ctx.surface === "interactive" || (!o.idempotent && inDoubt(err))) throw err;
    return [{ ok: false, message: failureMessage(err) }];
  }
  const answer =
    ctx.surface === "interactive" ? await client.getUser(userId) : await client.getUser(userId).catch(() => undefined);
  const name = s.state?.name || answer?.email || answer?.username || userId;
  return [{ ok: true, message: o.said(name), answer }];
}

/** The user as JumpCloud answered, written as the sync writes it. */
export async function cacheAnswers(ctx: CacheContext, done: Done<UserItem, unknown, S.SystemUser>[]) {
  for (const d of done) if (d.outcome.answer) await cacheUser(ctx.db, ctx.tenantId, d.outcome.answer);
}

/** How the user page audits a change: the user (named as cached), its snapshot before, and JumpCloud's answer after. */
export const userAudit = {
  targets: (i: UserItem, state?: UserState | null) => [userTarget(i.userId, state?.name)],
  before: (sent: Sent<UserItem, UserState | null>[]) => userSnapshot(sent[0]?.state ?? null),
  after: (done: Done<UserItem, UserState | null, S.SystemUser>[]) => userSnapshot(done[0]?.outcome.answer ?? null),
};

/** What the page's action returns: the user's state and email as JumpCloud answered. */
export const answeredUser = (done: Done<UserItem, unknown, S.SystemUser>[]) => {
  const u = done[0]?.outcome.answer;
  return { state: u?.state ?? null, email: u?.email ?? null };
};

/**
 * The user an undo changes back: the event's JumpCloud user, when the
 * snapshot before says they were `was` (a staged user is activated, not
 * reactivated). The page and bulk rows record the same target and snapshot.
 */
export function userWhoWas(was: string) {
  return (e: UndoableEvent): UserItem[] | null => {
    const targets = (e.targets ?? []) as { type: string; id: string }[];
    const userId = targets.find((t) => t.type === "jumpcloud_user")?.id;
    const state = (e.before as { state?: unknown } | null)?.state;
    return userId && state === was ? [{ userId }] : null;
  };
}

export const emailKey = (r: { email: string }) => normEmail(r.email);

/**
 * What every change of one JumpCloud user shares: its permission, one user
 * per call, the cached user as before, and the user JumpCloud answered with
 * written to the cache (plan A.4 #6: the page's re-read, on every surface)
 * and returned to the page.
 */
export const oneUser = {
  vendor: "jumpcloud" as const,
  perm: "jumpcloud.write" as const,
  chunk: 1,
  name: (i: UserItem) => i.userId,
  before: cachedUsers,
  cache: cacheAnswers,
  result: answeredUser,
};
