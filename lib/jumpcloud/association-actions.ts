"use server";
import { z } from "zod";
import { action } from "../actions/action";
import { db } from "../db";
import { UndoOf } from "../undo/undo-of";
import { associationEdge, cacheEdge, cacheEdgeDeleted } from "./cache";
import { labelOf } from "./targets";
import { jumpcloudFor, withVendor } from "./vendor";

// Bindings between the people side (a user or a user group) and the device
// side (a system or a system group). They are posted from the people side,
// which is also where the sync reads them, so the cache row is the same.

const Id = z.string().trim().regex(/^[a-f0-9]{24}$/i, "A JumpCloud object ID");
const Association = z.object({
  tenantId: z.string().min(1),
  fromType: z.enum(["user", "user_group"]),
  fromId: Id,
  toType: z.enum(["system", "system_group"]),
  toId: Id,
  undoOf: UndoOf,
});
type Association = z.output<typeof Association>;

async function change(i: Association, op: "add" | "remove", audit: { targets: unknown[]; before?: unknown; after?: unknown }) {
  const [fromName, toName] = await Promise.all([labelOf(db(), i.tenantId, i.fromType, i.fromId), labelOf(db(), i.tenantId, i.toType, i.toId)]);
  audit.targets = [
    { type: `jumpcloud_${i.fromType}`, id: i.fromId, ...(fromName ? { label: fromName } : {}) },
    { type: `jumpcloud_${i.toType}`, id: i.toId, ...(toName ? { label: toName } : {}) },
  ];
  const pair = { fromType: i.fromType, fromId: i.fromId, toType: i.toType, toId: i.toId };
  audit.before = { ...pair, associated: op === "remove" };
  const client = await jumpcloudFor(i.tenantId);
  await withVendor(() => client.modifyAssociation(i.fromType === "user" ? "users" : "usergroups", i.fromId, { op, type: i.toType, id: i.toId }));
  if (op === "add") {
    await cacheEdge(db(), i.tenantId, "association", associationEdge({ type: i.fromType, id: i.fromId }, { type: i.toType, id: i.toId }, null, `${fromName ?? i.fromId} → ${toName ?? i.toId}`));
  } else {
    await cacheEdgeDeleted(db(), i.tenantId, "association", `${i.fromType}:${i.fromId}`, `${i.toType}:${i.toId}`);
  }
  audit.after = { ...pair, associated: op === "add" };
  return { from: fromName, to: toName };
}

const describe = (i: Association) => ({ vendor: "jumpcloud" as const, targets: [{ type: `jumpcloud_${i.fromType}`, id: i.fromId }, { type: `jumpcloud_${i.toType}`, id: i.toId }] });

export const addAssociation = action(
  { name: "jumpcloud.association.added", perm: "jumpcloud.write", mode: "external", input: Association, tenant: (i) => i.tenantId, describe },
  async (i, ctx) => change(i, "add", ctx.audit),
);

export const removeAssociation = action(
  { name: "jumpcloud.association.removed", perm: "jumpcloud.write", mode: "external", input: Association, tenant: (i) => i.tenantId, describe },
  async (i, ctx) => change(i, "remove", ctx.audit),
);
