"use server";
import { z } from "zod";
import { action, ActionError } from "../actions/action";
import { db } from "../db";
import { Upn } from "../people/upn";
import { userTarget } from "../sync/twingate/targets";
import { actionOf } from "../operations/derive/action";
import setUserRole from "../operations/twingate/set-user-role";
import setUserState from "../operations/twingate/set-user-state";
import { cacheDelete, cacheWrite } from "./cache";
import { TWINGATE_ROLES, type TwingateRole } from "./constants";
import { cachedUser } from "./lookup";
import { twingateFor, vendor } from "./vendor";

const Id = z.string().trim().min(1).max(200);

const userTargetOf = (id: string, label?: string | null) => ({ type: "twingate_user", id, ...(label ? { label } : {}) });

type UserIn = { tenantId: string; userId: string; undoOf?: string };

/** Suspend (DISABLED) or restore (ACTIVE) a user: a user-level change (lib/operations/twingate/set-user-state.ts). */
export const setTwingateUserState = actionOf<UserIn & { state: "ACTIVE" | "DISABLED" }, { email: string; state: string }>(
  setUserState,
);

/** A role reaches the whole network (ADMIN runs it), so changing one is for admins (set-user-role.ts). */
export const setTwingateUserRole = actionOf<UserIn & { role: TwingateRole }, { email: string; role: string }>(setUserRole);

const optionalName = z.string().trim().max(100).optional().transform((v) => v || undefined);

/** Operators add members; any other role is an admin's call (see setTwingateUserRole). */
export const createTwingateUser = action(
  {
    name: "twingate.user.created", perm: "twingate.write", mode: "external",
    input: z.object({
      tenantId: Id,
      email: Upn,
      firstName: optionalName, lastName: optionalName,
      role: z.enum(TWINGATE_ROLES).default("MEMBER"),
      invite: z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")]).optional().transform((v) => v === true || v === "on" || v === "true"),
    }),
    tenant: (i) => i.tenantId,
    // A role other than Member is a network-wide grant.
    permFor: (i) => (i.role !== "MEMBER" ? "twingate.network.write" : null),
    describe: (i) => ({ vendor: "twingate", targets: [{ type: "twingate_user", id: i.email, label: i.email }] }),
  },
  async ({ tenantId, email, firstName, lastName, role, invite }, ctx) => {
    const client = await twingateFor(db(), tenantId);
    const user = await vendor(() => client.userCreate({ email, firstName, lastName, role, shouldSendInvite: invite }));
    await cacheWrite(db(), tenantId, userTarget, user);
    ctx.audit.targets = [userTargetOf(user.id, user.email)];
    ctx.audit.after = { email: user.email, role: user.role, state: user.state, invited: invite };
    return { id: user.id, email: user.email, state: user.state, invited: invite };
  },
);

export const deleteTwingateUser = action(
  {
    name: "twingate.user.deleted", perm: "twingate.write", mode: "external",
    input: z.object({ tenantId: Id, userId: Id }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "twingate", targets: [userTargetOf(i.userId)] }),
  },
  async ({ tenantId, userId }, ctx) => {
    const before = await cachedUser(db(), tenantId, userId);
    ctx.audit.targets = [userTargetOf(userId, before.email)];
    ctx.audit.before = { email: before.email, role: before.role, state: before.state, type: before.type };
    if (before.type === "SYNCED") {
      throw new ActionError(`${before.email} is synced from the identity provider: Twingate cannot delete it. Remove or unassign the user there; the next directory sync removes it from Twingate.`);
    }
    const client = await twingateFor(db(), tenantId);
    await vendor(() => client.userDelete(userId));
    // Twingate deletes the user's devices and memberships with it.
    await cacheDelete(db(), tenantId, userTarget as never, [userId]);
    const devices = await db().twingateDevice.findMany({ where: { tenantId, userVendorId: userId, deletedAt: null }, select: { vendorId: true } });
    await db().twingateDevice.updateMany({ where: { tenantId, userVendorId: userId, deletedAt: null }, data: { deletedAt: new Date() } });
    await db().vendorEdge.updateMany({ where: { tenantId, vendor: "twingate", kind: "group_member", toId: userId, deletedAt: null }, data: { deletedAt: new Date() } });
    return { email: before.email, devices: devices.length };
  },
);
