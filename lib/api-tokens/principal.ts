import { type Role, roleAtLeast } from "../auth/permissions";
import { loadStaff, type Staff } from "../auth/staff";
import type { Db } from "../db/client";
import { parseToken, secretMatches } from "./token";

export type TokenCheck = { ok: true; staff: Staff } | { ok: false; reason: string };

/** Last use is written at most this often per token. */
const LAST_USE_EVERY_MS = 60_000;

const lesser = (a: Role, b: Role): Role => (roleAtLeast(a, b) ? b : a);

/**
 * The caller a bearer token stands for: its owner as they are now, never with more than the token was given. The
 * role is the lesser of the token's and the owner's; the tenants are those both have; a disabled owner, a revoked or
 * expired token, or a wrong secret is refused, with the reason the audit log keeps. The actor's name says it was the
 * token, so every event it causes names both.
 */
export async function tokenPrincipal(db: Db, text: string, ip: string | null, now = new Date()): Promise<TokenCheck> {
  const parsed = parseToken(text);
  if (!parsed) return { ok: false, reason: "a malformed API token" };
  const token = await db.apiToken.findUnique({ where: { id: parsed.id }, include: { tenants: true } });
  if (!token) return { ok: false, reason: `an unknown API token (${parsed.id})` };
  if (!secretMatches(parsed.secret, token.secretHash))
    return { ok: false, reason: `API token ${token.id} with a wrong secret` };
  if (token.revokedAt) return { ok: false, reason: `API token ${token.id} ("${token.name}"), revoked` };
  if (token.expiresAt <= now) return { ok: false, reason: `API token ${token.id} ("${token.name}"), expired` };
  const owner = await loadStaff(db, token.ownerId);
  if (!owner) return { ok: false, reason: `API token ${token.id} ("${token.name}") of a disabled staff account` };

  const tenantIds = token.tenants.map((t) => t.tenantId).filter((t) => owner.tenantIds.includes(t));
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USE_EVERY_MS)
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now, lastUsedIp: ip } });
  return {
    ok: true,
    staff: {
      ...owner,
      name: `${owner.name} (API token "${token.name}")`,
      role: lesser(token.role, owner.role),
      tenantIds,
      allTenants: owner.allTenants && tenantIds.length === owner.tenantIds.length,
      apiToken: { id: token.id, name: token.name },
    },
  };
}
