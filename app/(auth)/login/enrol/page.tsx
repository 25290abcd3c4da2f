import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInFrame } from "@/components/auth/sign-in-frame";
import { readPendingSignIn } from "@/lib/auth/pending-cookie";
import { EXPIRED_SIGN_IN, pendingStaffEmail } from "@/lib/auth/pending-sign-in";
import { currentStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { EnrolForm } from "./enrol-form";

export const metadata: Metadata = { title: "Set up a second factor" };

export default async function EnrolPage() {
  if (await currentStaff()) redirect("/");
  const pending = await readPendingSignIn();
  // "enrolled": the factor is set up and the recovery codes were shown; a reload lands here to continue.
  if (!pending || (pending.step !== "enrol" && pending.step !== "enrolled")) redirect(EXPIRED_SIGN_IN);
  const email = await pendingStaffEmail(db(), pending.staffId);
  if (!email) redirect(EXPIRED_SIGN_IN);
  return (
    <SignInFrame
      wide
      title="Set up a second factor"
      description={
        <>
          Your role must use a second factor with the password. Set one up for{" "}
          <strong className="text-foreground">{email}</strong> to continue.
        </>
      }
    >
      <EnrolForm enrolled={pending.step === "enrolled"} />
    </SignInFrame>
  );
}
