"use server";
import { z } from "zod";
import { action, ActionError } from "../actions/action";
import { ROLES } from "../auth/permissions";
import { generatePassword, hashPassword, verifyPassword } from "../crypto/password";

const Email = z.email("An email address").trim().toLowerCase().max(320);
const Name = z.string().trim().min(1, "Required").max(200);
const NewPassword = z.string().min(12, "At least 12 characters").max(1024);
const TenantIds = z.array(z.string().min(1)).default([]);

export const createStaff = action(
  {
    name: "staff.created", perm: "staff.manage",
    input: z.object({ email: Email, name: Name, role: z.enum(ROLES), tenantIds: TenantIds, password: NewPassword.optional().or(z.literal("").transform(() => undefined)) }),
    describe: (i) => ({ targets: [{ type: "staff_user", id: i.email, label: i.email }] }),
  },
  async (input, ctx) => {
    const outside = input.tenantIds.filter((t) => !ctx.staff.tenantIds.includes(t));
    if (outside.length) throw new ActionError("You can only grant tenants you have yourself.");
    if (await ctx.db.staffUser.findUnique({ where: { email: input.email } })) throw new ActionError(`${input.email} already has an account.`);
    const password = input.password ?? generatePassword();
    const created = await ctx.db.staffUser.create({
      data: {
        email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(password),
        tenants: { create: input.tenantIds.map((tenantId) => ({ tenantId })) },
      },
    });
    ctx.audit.targets = [{ type: "staff_user", id: created.id, label: created.email }];
    ctx.audit.after = { email: created.email, name: created.name, role: created.role, tenantIds: input.tenantIds };
    // The generated password is returned once, for the admin to hand over; it is stored only as a hash.
    return { id: created.id, generatedPassword: input.password ? null : password };
  },
);

export const updateStaff = action(
  {
    name: "staff.updated", perm: "staff.manage",
    input: z.object({
      staffId: z.string().min(1), name: Name, role: z.enum(ROLES), tenantIds: TenantIds,
      disabled: z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")]).default(false),
    }),
    describe: (i) => ({ targets: [{ type: "staff_user", id: i.staffId }] }),
  },
  async (input, ctx) => {
    const before = await ctx.db.staffUser.findUnique({ where: { id: input.staffId }, include: { tenants: true } });
    if (!before) throw new ActionError("There is no such staff user.");
    if (before.id === ctx.staff.id && (input.role !== before.role || input.disabled)) {
      throw new ActionError("You cannot change your own role or disable yourself; ask another admin.");
    }
    // Tenants outside the caller's own scope are neither granted nor taken away by this call.
    const outside = input.tenantIds.filter((t) => !ctx.staff.tenantIds.includes(t));
    if (outside.length) throw new ActionError("You can only grant tenants you have yourself.");
    const kept = before.tenants.map((t) => t.tenantId).filter((t) => !ctx.staff.tenantIds.includes(t));
    const tenantIds = [...new Set([...kept, ...input.tenantIds])].sort();
    await ctx.db.staffTenant.deleteMany({ where: { staffId: before.id } });
    await ctx.db.staffUser.update({
      where: { id: before.id },
      data: {
        name: input.name, role: input.role, disabled: input.disabled,
        tenants: { create: tenantIds.map((tenantId) => ({ tenantId })) },
      },
    });
    ctx.audit.targets = [{ type: "staff_user", id: before.id, label: before.email }];
    ctx.audit.before = { name: before.name, role: before.role, disabled: before.disabled, tenantIds: before.tenants.map((t) => t.tenantId).sort() };
    ctx.audit.after = { name: input.name, role: input.role, disabled: input.disabled, tenantIds };
    return { id: before.id };
  },
);

export const resetStaffPassword = action(
  {
    name: "staff.password_reset", perm: "staff.manage", input: z.object({ staffId: z.string().min(1) }),
    describe: (i) => ({ targets: [{ type: "staff_user", id: i.staffId }] }),
  },
  async ({ staffId }, ctx) => {
    const target = await ctx.db.staffUser.findUnique({ where: { id: staffId } });
    if (!target) throw new ActionError("There is no such staff user.");
    const password = generatePassword();
    // Bumping the session version signs the user out everywhere.
    await ctx.db.staffUser.update({ where: { id: staffId }, data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } } });
    ctx.audit.targets = [{ type: "staff_user", id: staffId, label: target.email }];
    return { generatedPassword: password };
  },
);

export const changeOwnPassword = action(
  {
    name: "staff.password_changed", perm: "profile.update",
    input: z.object({ current: z.string().min(1, "Required"), next: NewPassword, confirm: z.string() })
      .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "Does not match the new password" }),
  },
  async ({ current, next }, ctx) => {
    const me = await ctx.db.staffUser.findUniqueOrThrow({ where: { id: ctx.staff.id } });
    if (!(await verifyPassword(current, me.passwordHash))) throw new ActionError("The current password is wrong.");
    await ctx.db.staffUser.update({ where: { id: me.id }, data: { passwordHash: await hashPassword(next), sessionVersion: { increment: 1 } } });
    ctx.audit.targets = [{ type: "staff_user", id: me.id, label: me.email }];
    return { signedOut: true };
  },
);
