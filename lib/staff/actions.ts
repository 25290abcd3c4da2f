"use server";
import { z } from "zod";
import { ActionDenied, ActionError, action } from "../actions/action";
import type { ActionContext } from "../actions/run-action";
import { ROLES } from "../auth/permissions";
import { requestMeta } from "../auth/session";
import { generatePassword, hashPassword } from "../crypto/password";
import { db } from "../db";
import { confirmOwnPassword } from "../second-factor/reauth";
import { allTenantAdminIds, assertMayManage, lockStaffChanges } from "./guards";
import { grantRefusal } from "./reach";

const Email = z.email("An email address").trim().toLowerCase().max(320);
const Name = z.string().trim().min(1, "Required").max(200);
const NewPassword = z.string().min(12, "At least 12 characters").max(1024);
const TenantIds = z.array(z.string().min(1).max(100)).max(10_000).default([]);
const StaffId = z.string().trim().min(1).max(100);

/**
 * Runs a change to an account and refuses it when it takes away the last
 * active admin holding every tenant: nobody could manage admins again.
 */
async function keepingAnAllTenantAdmin<T>(ctx: ActionContext, change: () => Promise<T>): Promise<T> {
  const before = (await allTenantAdminIds(ctx.db)).length;
  const out = await change();
  if (before > 0 && (await allTenantAdminIds(ctx.db)).length === 0) {
    throw new ActionDenied(
      "This would leave no active admin with every tenant; make another admin first.",
      "would remove the last active all-tenant admin",
    );
  }
  return out;
}

export const createStaff = action(
  {
    name: "staff.created",
    perm: "staff.manage",
    tenant: "global",
    input: z.object({
      email: Email,
      name: Name,
      role: z.enum(ROLES),
      tenantIds: TenantIds,
      password: NewPassword.optional().or(z.literal("").transform(() => undefined)),
    }),
    describe: (i) => ({ targets: [{ type: "staff_user", id: i.email, label: i.email }] }),
  },
  async (input, ctx) => {
    const tenantIds = [...new Set(input.tenantIds)].sort();
    const refusal = grantRefusal(ctx.staff, { role: input.role, tenantIds });
    if (refusal) throw new ActionDenied(`You may not create this account: it ${refusal}.`, refusal);
    await lockStaffChanges(ctx.db);
    if (await ctx.db.staffUser.findUnique({ where: { email: input.email } }))
      throw new ActionError(`${input.email} already has an account.`);
    const password = input.password ?? generatePassword();
    const created = await ctx.db.staffUser.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: await hashPassword(password),
        tenants: { create: tenantIds.map((tenantId) => ({ tenantId })) },
      },
    });
    ctx.audit.targets = [{ type: "staff_user", id: created.id, label: created.email }];
    ctx.audit.after = { email: created.email, name: created.name, role: created.role, tenantIds };
    // The generated password is returned once, for the admin to hand over; it is stored only as a hash.
    return { id: created.id, generatedPassword: input.password ? null : password };
  },
);

export const updateStaff = action(
  {
    name: "staff.updated",
    perm: "staff.manage",
    tenant: "global",
    input: z.object({
      staffId: StaffId,
      name: Name,
      role: z.enum(ROLES),
      tenantIds: TenantIds,
      disabled: z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")]).default(false),
    }),
    describe: (i) => ({ targets: [{ type: "staff_user", id: i.staffId }] }),
  },
  async (input, ctx) => {
    const before = await assertMayManage(ctx, input.staffId);
    if (before.id === ctx.staff.id && (input.role !== before.role || input.disabled)) {
      throw new ActionDenied(
        "You cannot change your own role or disable yourself; ask another admin.",
        "changes the caller's own role or disables it",
      );
    }
    const tenantIds = [...new Set(input.tenantIds)].sort();
    const refusal = grantRefusal(ctx.staff, { role: input.role, tenantIds }, { roleKept: input.role === before.role });
    if (refusal) throw new ActionDenied(`You may not save this: it ${refusal}.`, refusal);
    // Less reach or a disabled account ends the sessions that had more.
    const endSessions =
      input.disabled || input.role !== before.role || before.tenantIds.some((t) => !tenantIds.includes(t));
    await keepingAnAllTenantAdmin(ctx, async () => {
      await ctx.db.staffTenant.deleteMany({ where: { staffId: before.id } });
      await ctx.db.staffUser.update({
        where: { id: before.id },
        data: {
          name: input.name,
          role: input.role,
          disabled: input.disabled,
          tenants: { create: tenantIds.map((tenantId) => ({ tenantId })) },
          ...(endSessions ? { sessionVersion: { increment: 1 } } : {}),
        },
      });
    });
    ctx.audit.before = {
      name: before.name,
      role: before.role,
      disabled: before.disabled,
      tenantIds: [...before.tenantIds].sort(),
    };
    ctx.audit.after = { name: input.name, role: input.role, disabled: input.disabled, tenantIds };
    return { id: before.id };
  },
);

export const resetStaffPassword = action(
  {
    name: "staff.password_reset",
    perm: "staff.manage",
    tenant: "global",
    input: z.object({ staffId: StaffId }),
    describe: (i) => ({ targets: [{ type: "staff_user", id: i.staffId }] }),
  },
  async ({ staffId }, ctx) => {
    const target = await assertMayManage(ctx, staffId);
    if (target.id === ctx.staff.id) throw new ActionError("Change your own password under Settings → Your account.");
    const password = generatePassword();
    // Bumping the session version signs the user out everywhere.
    await ctx.db.staffUser.update({
      where: { id: staffId },
      data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } },
    });
    ctx.audit.after = { passwordReset: true, sessionsSignedOut: true };
    return { generatedPassword: password };
  },
);

export const changeOwnPassword = action(
  {
    name: "staff.password_changed",
    perm: "profile.update",
    tenant: "global",
    input: z
      .object({ current: z.string().min(1, "Required").max(1024), next: NewPassword, confirm: z.string().max(1024) })
      .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "Does not match the new password" }),
  },
  async ({ current, next }, ctx) => {
    // Counted and throttled like a sign-in: an open session must not become a way to guess the password.
    await confirmOwnPassword(ctx, current, { meta: await requestMeta(), attempts: db() });
    const me = await ctx.db.staffUser.findUniqueOrThrow({ where: { id: ctx.staff.id } });
    await ctx.db.staffUser.update({
      where: { id: me.id },
      data: { passwordHash: await hashPassword(next), sessionVersion: { increment: 1 } },
    });
    ctx.audit.targets = [{ type: "staff_user", id: me.id, label: me.email }];
    ctx.audit.after = { sessionsSignedOut: true };
    return { signedOut: true };
  },
);
