import type { BulkRunbook } from "../bulk/runbook";
import { PERSON_COLUMN, planOffboardingCsv } from "./plan";
import { OFFBOARDING_ID, OFFBOARDING_STEPS } from "./step-list";
import { verifyAfterSteps } from "./verify";

export const offboardingRunbook: BulkRunbook = {
  id: OFFBOARDING_ID,
  label: "Offboarding",
  description:
    "For each person: JumpCloud user suspended, Twingate user disabled, " +
    "TruGrid MFA turned off and machine associations removed, JumpCloud group memberships and system bindings " +
    "removed, Twingate group memberships removed, Twingate devices blocked, then TruU devices deleted. " +
    "Last, every vendor is read back to show what access remains. " +
    "Every step but the TruU device deletes can be undone from this page.",
  perm: "offboarding.run",
  destructive: true,
  steps: OFFBOARDING_STEPS.map((s) => s.op),
  planCsv: planOffboardingCsv,
  afterSteps: verifyAfterSteps,
  columns: [PERSON_COLUMN],
};
