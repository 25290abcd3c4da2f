"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { action } from "../actions/action";
import { TENANT_COOKIE } from "./scope";

export const switchTenant = action(
  { name: "console.tenant_switched", perm: "console.read", input: z.object({ tenantId: z.string().min(1) }), tenant: (i) => i.tenantId, audited: false },
  async ({ tenantId }) => {
    (await cookies()).set(TENANT_COOKIE, tenantId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 86400 });
    return { tenantId };
  },
);
