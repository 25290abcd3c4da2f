"use server";
import { redirect } from "next/navigation";
import { recordAudit } from "../audit/record";
import { db } from "../db";
import { PasswordCredentials, signIn, signOut } from "./auth";
import { writePendingSignIn } from "./pending-cookie";
import { safeNextPath } from "./safe-redirect";
import { currentStaff, requestMeta } from "./session";
import { startSession } from "./start-session";
import { THROTTLED_MESSAGE } from "./throttle";
import { verifySignIn } from "./verify-sign-in";

// Sign-in and sign-out are server actions outside the action wrapper (as
// are the second step's, in second-step-actions.ts and enrolment-actions.ts):
// they create and end the session the wrapper checks. All are audited
// (sign-in attempts in verifySignIn and verifySecondFactor).

const WRONG = "Wrong email or password.";

export async function signInWithPassword(
  _prev: { error?: string } | undefined,
  form: FormData,
): Promise<{ error?: string }> {
  const parsed = PasswordCredentials.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { error: WRONG };
  const result = await verifySignIn(db(), { ...parsed.data, ...(await requestMeta()) });
  if (!result.ok) return { error: result.reason === "throttled" ? THROTTLED_MESSAGE : WRONG };
  const next = safeNextPath(form.get("next"));
  if (result.next === "none") {
    await startSession(result.staff, "password", next);
    return {};
  }
  // No session yet: the browser keeps who passed the password, for minutes, until the second factor (or its enrolment).
  await writePendingSignIn({
    staffId: result.staff.id,
    sessionVersion: result.staff.sessionVersion,
    step: result.next,
    next,
  });
  redirect(result.next === "enrol" ? "/login/enrol" : "/login/second-factor");
}

export async function signInWithSso(form: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: safeNextPath(form.get("next")) });
}

export async function signOutAction(): Promise<void> {
  const staff = await currentStaff();
  if (staff) {
    await recordAudit(db(), {
      action: "staff.signed_out",
      actor: { id: staff.id, email: staff.email, name: staff.name },
      ...(await requestMeta()),
      targets: [{ type: "staff_user", id: staff.id, label: staff.email }],
      outcome: "success",
    });
  }
  await signOut({ redirectTo: "/login" });
}
