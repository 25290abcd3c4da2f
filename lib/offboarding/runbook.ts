import type { BulkRunbook } from "../bulk/runbook";
import { PERSON_COLUMN, planOffboardingCsv } from "./plan";
import { OFFBOARDING_ID, OFFBOARDING_STEPS } from "./step-list";

export const offboardingRunbook: BulkRunbook = {
  id: OFFBOARDING_ID,
  label: "Offboarding",
  description:
    "For each person: JumpCloud user suspended, Twingate user disabled, " +
    "TruGrid MFA turned off and machine associations removed, JumpCloud group memberships removed, " +
    "Twingate devices blocked, then TruU devices deleted. " +
    "Every step but the TruU device deletes can be undone from this page.",
  perm: "offboarding.run",
  destructive: true,
  steps: OFFBOARDING_STEPS.map((s) => s.op),
  planCsv: planOffboardingCsv,
  columns: [PERSON_COLUMN],
};
