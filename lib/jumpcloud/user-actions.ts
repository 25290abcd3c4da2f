"use server";
import { z } from "zod";
import { action, ActionError } from "../actions/action";
import { db } from "../db";
import { Upn } from "../people/upn";
import { actionOf } from "../operations/derive/action";
import expirePasswordOp from "../operations/jumpcloud/expire-password";
import reactivateUserOp from "../operations/jumpcloud/reactivate-user";
import resetMfaOp from "../operations/jumpcloud/reset-mfa";
import suspendUserOp from "../operations/jumpcloud/suspend-user";
import unlockUserOp from "../operations/jumpcloud/unlock-user";
import { UndoOf } from "../undo/undo-of";
import { cacheUser, cacheUserDeleted } from "./cache";
import { cachedUser, userSnapshot, userTarget } from "./targets";
import { jumpcloudFor, withVendor } from "./vendor";

// One JumpCloud user at a time, each call audited with the user's state
// before and after. Pages offer these on the user's detail page.

const Id = z.string().trim().regex(/^[a-f0-9]{24}$/i, "A JumpCloud object ID");
const UserRef = z.object({ tenantId: z.string().min(1), userId: Id, undoOf: UndoOf });
type UserRef = z.output<typeof UserRef>;

const describeUser = (i: { userId: string }) => ({ vendor: "jumpcloud" as const, targets: [userTarget(i.userId)] });

/** Reads the cached user (the "before"), runs the change, re-reads the user from JumpCloud into the cache (the "after"). */
async function change(i: UserRef, audit: { targets: unknown[]; before?: unknown; after?: unknown }, run: (client: Awaited<ReturnType<typeof jumpcloudFor>>) => Promise<unknown>) {
  const before = await cachedUser(db(), i.tenantId, i.userId);
  if (before) audit.targets = [userTarget(i.userId, before.email || before.username)];
  audit.before = userSnapshot(before);
  const client = await jumpcloudFor(i.tenantId);
  const after = await withVendor(async () => {
    await run(client);
    return client.getUser(i.userId);
  });
  await cacheUser(db(), i.tenantId, after);
  audit.after = userSnapshot(after);
  return { state: after.state ?? null, email: after.email ?? null };
}

type User = { tenantId: string; userId: string; undoOf?: string };
type Answered = { state: string | null; email: string | null };

export const suspendUser = actionOf<User, Answered>(suspendUserOp);

/** Suspended → active. A STAGED user is activated with activateStagedUser instead (JumpCloud refuses this for them). */
export const reactivateUser = actionOf<User, Answered>(reactivateUserOp);

export const unlockUser = actionOf<User, Answered>(unlockUserOp);

export const expirePassword = actionOf<User, Answered>(expirePasswordOp);

export const activateStagedUser = action(
  {
    name: "jumpcloud.user.activated", perm: "jumpcloud.write", mode: "external", tenant: (i) => i.tenantId, describe: describeUser,
    input: UserRef.extend({ sendEmail: z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")]).default(true) }),
  },
  async (i, ctx) => change(i, ctx.audit, (c) => c.activateUser(i.userId, i.sendEmail)),
);

/** exclusionDays: days the user may still sign in without TOTP while enrolling again (default 7; 0 = none). */
export const resetMfa = actionOf<User & { exclusionDays?: number | string }, Answered & { exclusionUntil: string | null }>(
  resetMfaOp,
);

const text = (max: number) => z.string().trim().max(max);
const UserDetails = z.object({
  email: Upn,
  username: text(100).min(1, "Required").regex(/^[a-z0-9._-]+$/i, "Letters, digits, dot, underscore and hyphen"),
  firstname: text(100),
  lastname: text(100),
  displayname: text(200),
  department: text(100),
  jobTitle: text(100),
});
type UserDetails = z.output<typeof UserDetails>;
const DETAIL_KEYS = Object.keys(UserDetails.shape) as (keyof UserDetails)[];

export const updateUserDetails = action(
  { name: "jumpcloud.user.updated", perm: "jumpcloud.write", mode: "external", input: UserRef.extend(UserDetails.partial().shape), tenant: (i) => i.tenantId, describe: describeUser },
  async (i, ctx) => {
    const cached = await cachedUser(db(), i.tenantId, i.userId);
    if (!cached) throw new ActionError("Not found.");
    const raw = cached.raw as Record<string, unknown>;
    // Only what changed goes to JumpCloud; the audit shows exactly those fields (and an undo sends them back).
    const changed = DETAIL_KEYS.filter((k) => i[k] !== undefined && (raw[k] ?? "") !== i[k]);
    if (changed.length === 0) throw new ActionError("Nothing changed.");
    const body = Object.fromEntries(changed.map((k) => [k, i[k]]));
    ctx.audit.targets = [userTarget(i.userId, cached.email || cached.username)];
    ctx.audit.before = Object.fromEntries(changed.map((k) => [k, raw[k] ?? ""]));
    const client = await jumpcloudFor(i.tenantId);
    const after = await withVendor(() => client.updateUser(i.userId, body));
    await cacheUser(db(), i.tenantId, after);
    ctx.audit.after = Object.fromEntries(changed.map((k) => [k, (after as Record<string, unknown>)[k] ?? ""]));
    return { changed };
  },
);

export const deleteUser = action(
  {
    name: "jumpcloud.user.deleted", perm: "jumpcloud.destructive", mode: "external", tenant: (i) => i.tenantId, describe: describeUser,
    input: UserRef.extend({ clearManagerOnReports: z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")]).default(false) }),
  },
  async (i, ctx) => {
    const cached = await cachedUser(db(), i.tenantId, i.userId);
    if (cached) ctx.audit.targets = [userTarget(i.userId, cached.email || cached.username)];
    ctx.audit.before = cached && { email: cached.email, username: cached.username, state: cached.state };
    const client = await jumpcloudFor(i.tenantId);
    await withVendor(() => client.deleteUser(i.userId, { clearManagerOnReports: i.clearManagerOnReports }));
    await cacheUserDeleted(db(), i.tenantId, i.userId);
    ctx.audit.after = { deleted: true };
    return { deleted: true };
  },
);
