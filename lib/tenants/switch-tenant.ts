"use server";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { action } from "../actions/action";
import { servedOverHttps } from "../http/served-over-https";
import { TENANT_COOKIE } from "./scope";

export const switchTenant = action(
  {
    name: "console.tenant_switched",
    perm: "console.read",
    input: z.object({ tenantId: z.string().min(1) }),
    tenant: (i) => i.tenantId,
    audited: false,
  },
  async ({ tenantId }) => {
    const secure = servedOverHttps((await headers()).get("x-forwarded-proto"));
    (await cookies()).set(TENANT_COOKIE, tenantId, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: 365 * 86400,
      secure,
    });
    return { tenantId };
  },
);
