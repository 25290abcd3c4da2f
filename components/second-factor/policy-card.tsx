import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { allows } from "@/lib/auth/permissions";
import type { Staff } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { loadSecondFactorPolicy } from "@/lib/second-factor/factors";
import { describePolicy } from "@/lib/second-factor/policy";
import { PolicyForm } from "./policy-form";

/**
 * For admins: who must use a second factor. Only an admin holding every tenant may change it (the action checks again).
 */
export async function PolicyCard({ staff }: { staff: Staff }) {
  const policy = await loadSecondFactorPolicy(db());
  const mayChange = allows(staff, "console.settings");
  return (
    <Card data-testid="second-factor-policy">
      <CardTitle>Second factor requirement</CardTitle>
      <CardDescription>{describePolicy(policy)}</CardDescription>
      {mayChange ? (
        <PolicyForm policy={policy} />
      ) : (
        <p className="mt-3 text-sm text-muted-foreground">Only an admin who holds every tenant may change it.</p>
      )}
    </Card>
  );
}
