import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInFrame } from "@/components/auth/sign-in-frame";
import { readPendingSignIn } from "@/lib/auth/pending-cookie";
import { EXPIRED_SIGN_IN } from "@/lib/auth/pending-sign-in";
import { currentStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { factorSummary } from "@/lib/second-factor/factors";
import { SecondFactorForm } from "./second-factor-form";

export const metadata: Metadata = { title: "Second step" };

export default async function SecondFactorPage() {
  if (await currentStaff()) redirect("/");
  const pending = await readPendingSignIn();
  if (!pending || pending.step !== "second_factor") redirect(EXPIRED_SIGN_IN);
  const [staff, factors] = await Promise.all([
    db().staffUser.findUnique({ where: { id: pending.staffId }, select: { email: true } }),
    factorSummary(db(), pending.staffId),
  ]);
  if (!staff) redirect(EXPIRED_SIGN_IN);
  return (
    <SignInFrame title="Second step" description={<>Signing in as <strong className="text-foreground">{staff.email}</strong>.</>}>
      <SecondFactorForm hasTotp={factors.totpSince !== null} hasPasskey={factors.passkeys.length > 0} />
    </SignInFrame>
  );
}
