import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import * as T from "../sync/jumpcloud/targets";
import type { SyncTarget } from "../sync/target";
import * as S from "../vendors/jumpcloud/schemas";

// Writes one changed object into the cache right after a console action, in
// exactly the shape and with exactly the hash the sync writes (see
// lib/sync/writer.ts), so that the next sync finds the row unchanged and
// reports no drift for a change the console itself made.

type Columns<T> = SyncTarget<T>["columns"];

function toText(type: string, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (type === "jsonb" || type === "text[]") return JSON.stringify(v);
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

function row<T>(target: SyncTarget<T>, item: T) {
  const columns = target.columns as Columns<T>;
  const values = columns.map((c) => toText(c.type, c.value(item)));
  const rawItem = target.raw ? target.raw(item) : item;
  const raw = JSON.stringify(rawItem);
  const hash = createHash("sha1").update(JSON.stringify(values)).update("\n").update(raw).digest("hex");
  const data: Record<string, unknown> = {};
  columns.forEach((c) => {
    const v = c.value(item);
    data[c.name] = v === undefined ? null : c.type === "timestamptz" ? (v === null ? null : new Date(String(v))) : v;
  });
  return { vendorId: target.vendorId(item), data, raw: JSON.parse(raw) as object, hash };
}

const fresh = () => ({ syncedAt: new Date(), deletedAt: null });

export async function cacheUser(db: Db, tenantId: string, user: S.SystemUser) {
  const r = row(T.userTarget, user);
  const data = {
    ...(r.data as { username: string; email: string; emailNorm: string }),
    raw: r.raw,
    hash: r.hash,
    ...fresh(),
  };
  await db.jumpcloudUser.upsert({
    where: { tenantId_vendorId: { tenantId, vendorId: r.vendorId } },
    create: { tenantId, vendorId: r.vendorId, ...data },
    update: data,
  });
}

export async function cacheUserDeleted(db: Db, tenantId: string, vendorId: string) {
  await db.jumpcloudUser.updateMany({
    where: { tenantId, vendorId, deletedAt: null },
    data: { deletedAt: new Date() },
  });
  // The vendor drops a deleted user's memberships and associations with it.
  await db.vendorEdge.updateMany({
    where: {
      tenantId,
      vendor: "jumpcloud",
      deletedAt: null,
      OR: [
        { kind: "user_group_member", toId: vendorId },
        { kind: "association", fromId: `user:${vendorId}` },
      ],
    },
    data: { deletedAt: new Date() },
  });
}

export type GroupKindTag = "user_group" | "system_group";

export async function cacheGroup(db: Db, tenantId: string, kind: GroupKindTag, group: S.Group) {
  const target = kind === "user_group" ? T.userGroupTarget : T.systemGroupTarget;
  const r = row(target, S.Group.parse(group));
  const data = { name: group.name, raw: r.raw, hash: r.hash, ...fresh() };
  await db.vendorObject.upsert({
    where: { tenantId_vendor_kind_vendorId: { tenantId, vendor: "jumpcloud", kind, vendorId: r.vendorId } },
    create: { tenantId, vendor: "jumpcloud", kind, vendorId: r.vendorId, ...data },
    update: data,
  });
}

export type EdgeKind = "user_group_member" | "system_group_member" | "association";

/** A membership as the vendor lists it: GET …/members answers {to, attributes} without from. */
export function memberEdge(groupId: string, memberType: "user" | "system", memberId: string, label: string): T.JcEdge {
  const connection = S.GraphConnection.parse({
    to: { id: memberId, type: memberType, attributes: null },
    attributes: null,
  });
  return { fromId: groupId, toId: memberId, attributes: null, connection, label };
}

/** An association as the vendor lists it from the user (or user group) side. */
export function associationEdge(
  from: { type: string; id: string },
  to: { type: string; id: string },
  attributes: Record<string, unknown> | null,
  label: string,
): T.JcEdge {
  const connection = S.GraphConnection.parse({
    from: { id: from.id, type: from.type, attributes: null },
    to: { id: to.id, type: to.type, attributes: null },
    attributes,
  });
  return { fromId: `${from.type}:${from.id}`, toId: `${to.type}:${to.id}`, attributes, connection, label };
}

function edgeTarget(kind: EdgeKind) {
  return kind === "user_group_member"
    ? T.userGroupMemberTarget
    : kind === "system_group_member"
      ? T.systemGroupMemberTarget
      : T.associationTarget;
}

export async function cacheEdge(db: Db, tenantId: string, kind: EdgeKind, edge: T.JcEdge) {
  const r = row(edgeTarget(kind), edge);
  const attributes = edge.attributes === null ? Prisma.DbNull : (edge.attributes as Prisma.InputJsonObject);
  const data = { fromId: edge.fromId, toId: edge.toId, attributes, raw: r.raw, hash: r.hash, ...fresh() };
  await db.vendorEdge.upsert({
    where: { tenantId_vendor_kind_vendorId: { tenantId, vendor: "jumpcloud", kind, vendorId: r.vendorId } },
    create: { tenantId, vendor: "jumpcloud", kind, vendorId: r.vendorId, ...data },
    update: data,
  });
}

export async function cacheEdgeDeleted(db: Db, tenantId: string, kind: EdgeKind, fromId: string, toId: string) {
  await db.vendorEdge.updateMany({
    where: { tenantId, vendor: "jumpcloud", kind, vendorId: `${fromId}|${toId}`, deletedAt: null },
    data: { deletedAt: new Date() },
  });
}
