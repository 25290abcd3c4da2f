"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { recordAudit } from "../audit/record";
import { db } from "../db";
import { signIn, signOut } from "./auth";
import { safeNextPath } from "./safe-redirect";
import { currentStaff, requestMeta } from "./session";

// Sign-in and sign-out are the two server actions outside the action wrapper:
// they create and end the session the wrapper checks. Both are audited
// (sign-in attempts in verifySignIn).


export async function signInWithPassword(_prev: { error?: string } | undefined, form: FormData): Promise<{ error?: string }> {
  try {
    await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirectTo: safeNextPath(form.get("next")) });
    return {};
  } catch (err) {
    if (err instanceof CredentialsSignin && err.code === "throttled") {
      return { error: "Too many failed sign-ins. Wait a few minutes before trying again." };
    }
    if (err instanceof AuthError) return { error: "Wrong email or password." };
    throw err; // Next's redirect on success, or a real fault
  }
}

export async function signInWithSso(form: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: safeNextPath(form.get("next")) });
}

export async function signOutAction(): Promise<void> {
  const staff = await currentStaff();
  if (staff) {
    await recordAudit(db(), {
      action: "staff.signed_out", actor: { id: staff.id, email: staff.email, name: staff.name }, ...(await requestMeta()),
      targets: [{ type: "staff_user", id: staff.id, label: staff.email }], outcome: "success",
    });
  }
  await signOut({ redirectTo: "/login" });
}
