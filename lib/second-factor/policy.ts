import type { Role } from "../auth/permissions";

export const SECOND_FACTOR_SCOPES = ["none", "all", "roles"] as const;
export type SecondFactorScope = (typeof SECOND_FACTOR_SCOPES)[number];

export interface SecondFactorPolicy {
  scope: SecondFactorScope;
  /** With scope "roles": the roles that must. */
  roles: Role[];
}

export const NO_REQUIREMENT: SecondFactorPolicy = { scope: "none", roles: [] };

/** Whether a staff user of this role must have a second factor to sign in with a password. */
export function secondFactorRequired(policy: SecondFactorPolicy, role: Role): boolean {
  if (policy.scope === "all") return true;
  if (policy.scope === "roles") return policy.roles.includes(role);
  return false;
}

/**
 * What follows a right password: the second step for anyone with a factor
 * (whether or not it is required: a factor someone set up is always asked
 * for), enrolment for someone who must have one and has none, else nothing.
 */
export function stepAfterPassword(hasFactor: boolean, required: boolean): "second_factor" | "enrol" | "none" {
  if (hasFactor) return "second_factor";
  return required ? "enrol" : "none";
}

/** The policy in words, for the settings page. */
export function describePolicy(policy: SecondFactorPolicy): string {
  if (policy.scope === "all") return "Every staff user must use a second factor with their password.";
  if (policy.scope === "roles" && policy.roles.length > 0)
    return `Staff with the role ${policy.roles.join(", ")} must use a second factor with their password.`;
  return "A second factor is optional.";
}
