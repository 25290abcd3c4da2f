import "server-only";
import type { Db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { urlEnum } from "../../params/fields";
import { yesNo } from "../../table/csv";
import { pageWindow, type TableState, tableSearch } from "../../table/params";
import { byName, contains, namesOf, nodeNames, splitNode } from "./names";

export const USER_SORTS = ["email", "username", "name", "state", "created"] as const;
export type UserSort = (typeof USER_SORTS)[number];
export const USER_STATES = ["ACTIVATED", "SUSPENDED", "STAGED"] as const;
export const MFA_FILTERS = [
  "ENROLLED",
  "NOT_ENROLLED",
  "PENDING_ACTIVATION",
  "IN_ENROLLMENT",
  "ENROLLMENT_EXPIRED",
] as const;
export const LOCK_FILTERS = ["locked", "unlocked"] as const;

/** The JumpCloud users table's URL: its sort, search and filters (the page and its export read the same). */
export const JumpcloudUserSearch = tableSearch({ sortable: USER_SORTS, sort: "email" }).extend({
  state: urlEnum(USER_STATES).optional(),
  lock: urlEnum(LOCK_FILTERS).optional(),
  mfa: urlEnum(MFA_FILTERS).optional(),
});

// The user id is JumpCloud's own: what its admin console and API take to find the user.
export const JUMPCLOUD_USER_CSV_HEADER = [
  "email",
  "username",
  "displayName",
  "state",
  "locked",
  "mfaStatus",
  "totp",
  "passwordExpired",
  "jumpcloudId",
] as const;

/** A users page as the export's columns. */
export const jumpcloudUserCells = (r: UserRow) => [
  r.email,
  r.username,
  r.displayname,
  r.state,
  yesNo(r.accountLocked),
  r.mfaStatus,
  yesNo(r.totpEnabled),
  yesNo(r.passwordExpired),
  r.vendorId,
];

export interface UserRow {
  vendorId: string;
  email: string;
  username: string;
  displayname: string | null;
  state: string | null;
  accountLocked: boolean | null;
  mfaStatus: string | null;
  totpEnabled: boolean | null;
  passwordExpired: boolean | null;
}

export async function listUsers(
  db: Db,
  tenantId: string,
  state: TableState<UserSort>,
  f: { state?: string; lock?: (typeof LOCK_FILTERS)[number]; mfa?: string },
) {
  const where: Prisma.JumpcloudUserWhereInput = {
    tenantId,
    deletedAt: null,
    ...(f.state ? { state: f.state } : {}),
    ...(f.lock ? { accountLocked: f.lock === "locked" } : {}),
    ...(f.mfa ? { mfaStatus: f.mfa } : {}),
    ...(state.q
      ? {
          OR: [
            { email: contains(state.q) },
            { username: contains(state.q) },
            { displayname: contains(state.q) },
            { firstname: contains(state.q) },
            { lastname: contains(state.q) },
          ],
        }
      : {}),
  };
  const dir = state.dir;
  const orderBy: Prisma.JumpcloudUserOrderByWithRelationInput[] = {
    email: [{ emailNorm: dir }],
    username: [{ username: dir }],
    name: [{ displayname: dir }],
    state: [{ state: dir }],
    created: [{ createdAtVendor: dir }],
  }[state.sort];
  const [rows, total] = await Promise.all([
    db.jumpcloudUser.findMany({
      where,
      orderBy: [...orderBy, { vendorId: "asc" }],
      ...pageWindow(state),
      select: {
        vendorId: true,
        email: true,
        username: true,
        displayname: true,
        state: true,
        accountLocked: true,
        mfaStatus: true,
        totpEnabled: true,
        passwordExpired: true,
      },
    }),
    db.jumpcloudUser.count({ where }),
  ]);
  return { rows: rows as UserRow[], total };
}

export async function getUser(db: Db, tenantId: string, userId: string) {
  const user = await db.jumpcloudUser.findFirst({ where: { tenantId, vendorId: userId, deletedAt: null } });
  if (!user) return null;
  const [memberships, associations] = await Promise.all([
    db.vendorEdge.findMany({
      where: { tenantId, vendor: "jumpcloud", kind: "user_group_member", toId: userId, deletedAt: null },
      select: { fromId: true },
    }),
    db.vendorEdge.findMany({
      where: { tenantId, vendor: "jumpcloud", kind: "association", fromId: `user:${userId}`, deletedAt: null },
      select: { toId: true, attributes: true },
    }),
  ]);
  const groups = await namesOf(
    db,
    tenantId,
    "user_group",
    memberships.map((m) => m.fromId),
  );
  const bound = await Promise.all(associations.map(async (a) => ({ ...splitNode(a.toId), attributes: a.attributes })));
  const names = await nodeNames(db, tenantId, bound);
  return {
    user,
    groups: memberships.map((m) => ({ id: m.fromId, name: groups.get(m.fromId) ?? m.fromId })).sort(byName),
    associations: bound.map((b) => ({ ...b, name: names.get(b.id) ?? b.id })).sort(byName),
  };
}
