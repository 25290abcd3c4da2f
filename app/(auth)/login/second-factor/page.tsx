import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInFrame } from "@/components/auth/sign-in-frame";
import { readPendingSignIn } from "@/lib/auth/pending-cookie";
import { EXPIRED_SIGN_IN, pendingStaffEmail } from "@/lib/auth/pending-sign-in";
import { currentStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { factorSummary } from "@/lib/second-factor/factors";
import { SecondFactorForm } from "./second-factor-form";

export const metadata: Metadata = { title: "Second step" };

export default async function SecondFactorPage() {
  if (await currentStaff()) redirect("/");
  const pending = await readPendingSignIn();
  if (pending?.step !== "second_factor") redirect(EXPIRED_SIGN_IN);
  const [email, factors] = await Promise.all([
    pendingStaffEmail(db(), pending.staffId),
    factorSummary(db(), pending.staffId),
  ]);
  if (!email) redirect(EXPIRED_SIGN_IN);
  return (
    <SignInFrame
      title="Second step"
      description={
        <>
          Signing in as <strong className="text-foreground">{email}</strong>.
        </>
      }
    >
      <SecondFactorForm hasTotp={factors.totpSince !== null} hasPasskey={factors.passkeys.length > 0} />
    </SignInFrame>
  );
}
