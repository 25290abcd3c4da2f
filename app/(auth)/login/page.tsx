import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BrowserTimeZone } from "@/components/shell/browser-time-zone";
import { ssoEnabled } from "@/lib/auth/oidc";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { currentStaff } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS = new Map([
  ["AccessDenied", "That single sign-on identity has no staff account here."],
  // The state between the password and the second step lasts minutes, and ends when the account changes.
  ["SignInExpired", "That sign-in has expired. Enter your password again."],
]);

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string }>;
}) {
  if (await currentStaff()) redirect("/");
  const { next, error } = await searchParams;
  const sso = ssoEnabled();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      {/* The browser's zone, for the console's first page after sign-in (lib/format/time-zone.ts). */}
      <BrowserTimeZone rendered={null} />
      <div className="w-full max-w-sm rounded-lg border bg-card p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Helpdesk console</h1>
        <p className="mt-1 text-sm text-muted-foreground">Sign in with your staff account.</p>
        <LoginForm next={safeNextPath(next)} sso={sso} ssoError={ERRORS.get(error ?? "")} />
      </div>
    </main>
  );
}
