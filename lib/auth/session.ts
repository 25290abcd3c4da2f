import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { pgPool } from "../db";
import { authSecret, SESSION_ABSOLUTE_HOURS } from "./auth";
import { clientIp, userAgent } from "./client-ip";
import { readStaffSession, usesSecureCookies } from "./session-token";
import { readStaff, type Staff } from "./staff";

/**
 * The signed-in staff user, re-read from the database on every request so
 * that a disabled account, a changed role or a bumped session version takes
 * effect at once rather than when the cookie expires.
 */
export const currentStaff = cache(async (): Promise<Staff | null> => {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const session = await readStaffSession(jar.getAll(), {
    secret: authSecret(),
    secure: usesSecureCookies(h.get("x-forwarded-proto")),
    absoluteHours: SESSION_ABSOLUTE_HOURS,
  });
  if (!session) return null;
  const staff = await readStaff(pgPool(), session.staffId);
  if (!staff || staff.sessionVersion !== session.sessionVersion) return null;
  return staff;
});

/** For pages: the staff user, or a redirect to the sign-in page. */
export async function requireStaff(): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) redirect("/login");
  return staff;
}

export async function requestMeta(): Promise<{ ip: string; userAgent: string | null }> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: userAgent(h) };
}
