import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import type { Staff } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { factorSummary, loadSecondFactorPolicy } from "@/lib/second-factor/factors";
import { secondFactorRequired } from "@/lib/second-factor/policy";
import { PasskeysSection } from "./passkeys-section";
import { RecoveryCodesSection } from "./recovery-codes-section";
import { TotpSection } from "./totp-section";

/** Settings → Security: the signed-in user's own second factors. */
export async function SecurityCard({ staff }: { staff: Staff }) {
  const [factors, policy, row] = await Promise.all([
    factorSummary(db(), staff.id),
    loadSecondFactorPolicy(db()),
    db().staffUser.findUnique({ where: { id: staff.id }, select: { passwordHash: true } }),
  ]);
  const required = secondFactorRequired(policy, staff.role);
  const hasFactor = factors.totpSince !== null || factors.passkeys.length > 0;
  return (
    <Card className="lg:col-span-2" data-testid="security-card">
      <CardTitle>Security</CardTitle>
      {row?.passwordHash ? (
        <>
          <CardDescription>
            A second factor is asked for after your password at every sign-in.{" "}
            {required ? "Your role must use one." : "It is optional for your role."} Single sign-on leaves it to your
            identity provider.
          </CardDescription>
          {required && !hasFactor ? (
            <p role="status" className="mt-3 rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">
              You have none yet: set one up now, or you will be asked to at your next sign-in.
            </p>
          ) : null}
          <div className="mt-4 grid gap-6 md:grid-cols-3">
            <TotpSection since={factors.totpSince?.toISOString() ?? null} />
            <PasskeysSection
              passkeys={factors.passkeys.map((p) => ({
                id: p.id,
                name: p.name,
                createdAt: p.createdAt.toISOString(),
                lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
              }))}
            />
            <RecoveryCodesSection left={factors.recoveryCodesLeft} hasFactor={hasFactor} />
          </div>
        </>
      ) : (
        <CardDescription>
          You sign in with single sign-on: your identity provider asks for the second factor.
        </CardDescription>
      )}
    </Card>
  );
}
