import { ActionError } from "../actions/result";
import type { Role } from "../auth/permissions";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { NO_REQUIREMENT, type SecondFactorPolicy, secondFactorRequired, stepAfterPassword } from "./policy";

type Client = Db | Prisma.TransactionClient;

export async function loadSecondFactorPolicy(db: Client): Promise<SecondFactorPolicy> {
  const row = await db.secondFactorPolicy.findUnique({ where: { id: 1 } });
  return row ? { scope: row.scope, roles: row.roles } : NO_REQUIREMENT;
}

/**
 * What a staff user has set up: a confirmed authenticator app and passkeys are factors; recovery codes back them up.
 */
export interface FactorSummary {
  totpSince: Date | null;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  recoveryCodesLeft: number;
}

export async function factorSummary(db: Client, staffId: string): Promise<FactorSummary> {
  const [totp, passkeys, recoveryCodesLeft] = await Promise.all([
    db.staffTotp.findUnique({ where: { staffId }, select: { confirmedAt: true } }),
    db.staffPasskey.findMany({
      where: { staffId },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    }),
    db.staffRecoveryCode.count({ where: { staffId, usedAt: null } }),
  ]);
  return { totpSince: totp?.confirmedAt ?? null, passkeys, recoveryCodesLeft };
}

export async function countFactors(db: Client, staffId: string): Promise<number> {
  const [totp, passkeys] = await Promise.all([
    db.staffTotp.count({ where: { staffId, confirmedAt: { not: null } } }),
    db.staffPasskey.count({ where: { staffId } }),
  ]);
  return totp + passkeys;
}

/** What a right password leads to for this staff user (see stepAfterPassword). */
export async function stepFor(db: Client, staff: { id: string; role: Role }) {
  const [factors, policy] = await Promise.all([countFactors(db, staff.id), loadSecondFactorPolicy(db)]);
  return stepAfterPassword(factors > 0, secondFactorRequired(policy, staff.role));
}

/**
 * Refuses to take away a staff user's last factor when their role must have
 * one: they would be made to enrol again at their next sign-in, and until
 * then their account would rest on the password alone. Called after the
 * removal, in its transaction, so that it sees what is left.
 */
export async function assertFactorLeftIfRequired(db: Client, staff: { id: string; role: Role }): Promise<void> {
  if ((await countFactors(db, staff.id)) > 0) return;
  if (secondFactorRequired(await loadSecondFactorPolicy(db), staff.role)) {
    throw new ActionError("Your role must use a second factor: set up another one before removing this one.");
  }
  // No factor left: recovery codes would back up nothing.
  await db.staffRecoveryCode.deleteMany({ where: { staffId: staff.id } });
}

/**
 * Removes every factor, recovery code and pending challenge of a staff user
 * and bumps their session version (their open sessions end): the reset for
 * a lost phone or key. Returns what there was, for the audit event.
 */
export async function clearSecondFactors(db: Client, staffId: string) {
  const before = await factorSummary(db, staffId);
  await db.staffTotp.deleteMany({ where: { staffId } });
  await db.staffPasskey.deleteMany({ where: { staffId } });
  await db.staffRecoveryCode.deleteMany({ where: { staffId } });
  await db.staffWebauthnChallenge.deleteMany({ where: { staffId } });
  await db.staffUser.update({ where: { id: staffId }, data: { sessionVersion: { increment: 1 } } });
  return {
    totp: before.totpSince !== null,
    passkeys: before.passkeys.length,
    recoveryCodesLeft: before.recoveryCodesLeft,
  };
}
