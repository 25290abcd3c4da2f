import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

type Client = Db | Prisma.TransactionClient;

export const RECOVERY_CODE_COUNT = 10;
// 16 characters of a 31-letter alphabet: 79 bits each. Below 112 bits ASVS
// (2.6.2) wants a lookup secret salted and hashed, so each is stored with its
// own random salt (sha256$salt$hash); at 79 bits a fast hash is enough.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: read aloud or typed from paper
const LENGTH = 16;

/** Fresh codes, formatted `xxxx-xxxx-xxxx-xxxx` for reading; shown once and stored only hashed. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    // Rejection sampling keeps every letter equally likely (256 is not a multiple of 31).
    const out: string[] = [];
    while (out.length < LENGTH) {
      for (const b of randomBytes(LENGTH * 2)) {
        if (b < 248 && out.length < LENGTH) out.push(ALPHABET.charAt(b % ALPHABET.length));
      }
    }
    return out.join("").replace(/(.{4})(?=.)/g, "$1-");
  });
}

/** What is compared: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

const digestOf = (code: string, salt: Buffer) =>
  createHash("sha256").update(salt).update(normaliseRecoveryCode(code)).digest();

export function hashRecoveryCode(code: string, salt = randomBytes(16)): string {
  return ["sha256", salt.toString("base64"), digestOf(code, salt).toString("base64")].join("$");
}

function matches(code: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split("$");
  if (scheme !== "sha256" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = digestOf(code, Buffer.from(salt, "base64"));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The unused stored code this one matches, or null. A used code never
 * matches: each works once. (Marking it used must itself be conditional on it
 * still being unused, so that two requests at once cannot both spend it.)
 */
export function findRecoveryCode<R extends { codeHash: string; usedAt: Date | null }>(
  code: string,
  stored: R[],
): R | null {
  if (normaliseRecoveryCode(code).length !== LENGTH) return null;
  return stored.find((row) => row.usedAt === null && matches(code, row.codeHash)) ?? null;
}

/** Replaces the staff user's recovery codes with fresh ones and returns them: the only time they are seen. */
export async function issueRecoveryCodes(db: Client, staffId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await db.staffRecoveryCode.deleteMany({ where: { staffId } });
  await db.staffRecoveryCode.createMany({ data: codes.map((code) => ({ staffId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** Spends a recovery code: true when it matched an unused one and this call marked it used. */
export async function spendRecoveryCode(db: Client, staffId: string, code: string, now = new Date()): Promise<boolean> {
  const found = findRecoveryCode(code, await db.staffRecoveryCode.findMany({ where: { staffId, usedAt: null } }));
  if (!found) return false;
  // Conditional on still being unused: of two requests with one code, one wins.
  const { count } = await db.staffRecoveryCode.updateMany({
    where: { id: found.id, usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}
