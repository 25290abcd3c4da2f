"use server";
import { z } from "zod";
import { action } from "../actions/action";

/** Settings → Your account: how dense the signed-in staff member's tables are, on every page from the next one. */
export const setOwnDensity = action(
  {
    name: "staff.density_changed",
    perm: "profile.update",
    tenant: "global",
    input: z.object({ density: z.enum(["comfortable", "compact"], "Choose comfortable or compact") }),
  },
  async ({ density }, ctx) => {
    await ctx.db.staffUser.update({ where: { id: ctx.staff.id }, data: { density } });
    ctx.audit.targets = [{ type: "staff_user", id: ctx.staff.id, label: ctx.staff.email }];
    ctx.audit.before = { density: ctx.staff.density };
    ctx.audit.after = { density };
    return { density };
  },
);
