"use server";
import { z } from "zod";
import { action } from "../actions/action";
import { db } from "../db";
import { UndoOf } from "../undo/undo-of";
import { cacheEdge, cacheEdgeDeleted, cacheGroup, memberEdge } from "./cache";
import { groupTarget, labelOf, systemTarget, userTarget } from "./targets";
import { jumpcloudFor, withVendor } from "./vendor";

const Id = z.string().trim().regex(/^[a-f0-9]{24}$/i, "A JumpCloud object ID");
const GroupKind = z.enum(["user_group", "system_group"]);
type GroupKind = z.output<typeof GroupKind>;

const vendorKind = (k: GroupKind) => (k === "user_group" ? "user" : "system") as "user" | "system";
const KIND_LABEL: Record<GroupKind, string> = { user_group: "user group", system_group: "system group" };

export const createGroup = action(
  {
    name: "jumpcloud.group.created", perm: "jumpcloud.write", mode: "external", tenant: (i) => i.tenantId,
    input: z.object({
      tenantId: z.string().min(1),
      kind: GroupKind,
      name: z.string().trim().min(1, "A name is required").max(200),
      description: z.string().trim().max(1000).default(""),
    }),
    describe: (i) => ({ vendor: "jumpcloud", targets: [{ type: `jumpcloud_${i.kind}`, id: "(new)", label: i.name }] }),
  },
  async (i, ctx) => {
    const client = await jumpcloudFor(i.tenantId);
    const group = await withVendor(() => client.createGroup(vendorKind(i.kind), { name: i.name, ...(i.description ? { description: i.description } : {}) }));
    await cacheGroup(db(), i.tenantId, i.kind, group);
    ctx.audit.targets = [groupTarget(i.kind, group.id, group.name)];
    ctx.audit.after = { kind: i.kind, name: group.name, description: group.description ?? "" };
    return { id: group.id, name: group.name };
  },
);

const Member = z.object({ tenantId: z.string().min(1), kind: GroupKind, groupId: Id, memberId: Id, undoOf: UndoOf });
type Member = z.output<typeof Member>;

async function changeMember(i: Member, op: "add" | "remove", audit: { targets: unknown[]; before?: unknown; after?: unknown }) {
  const memberType = vendorKind(i.kind);
  const [groupName, memberName] = await Promise.all([labelOf(db(), i.tenantId, i.kind, i.groupId), labelOf(db(), i.tenantId, memberType, i.memberId)]);
  audit.targets = [groupTarget(i.kind, i.groupId, groupName), memberType === "user" ? userTarget(i.memberId, memberName) : systemTarget(i.memberId, memberName)];
  // What an undo needs: the group, the member, and whether it was a member.
  audit.before = { kind: i.kind, groupId: i.groupId, memberId: i.memberId, member: op === "remove" };
  const client = await jumpcloudFor(i.tenantId);
  await withVendor(() => client.modifyGroupMembers(memberType, i.groupId, op, i.memberId));
  const edgeKind = i.kind === "user_group" ? "user_group_member" : "system_group_member";
  if (op === "add") await cacheEdge(db(), i.tenantId, edgeKind, memberEdge(i.groupId, memberType, i.memberId, `${groupName ?? i.groupId} → ${memberName ?? i.memberId}`));
  else await cacheEdgeDeleted(db(), i.tenantId, edgeKind, i.groupId, i.memberId);
  audit.after = { kind: i.kind, groupId: i.groupId, memberId: i.memberId, member: op === "add" };
  return { group: groupName, member: memberName, kindLabel: KIND_LABEL[i.kind] };
}

const describeMember = (i: Member) => ({ vendor: "jumpcloud" as const, targets: [groupTarget(i.kind, i.groupId)] });

export const addGroupMember = action(
  { name: "jumpcloud.group.member_added", perm: "jumpcloud.write", mode: "external", input: Member, tenant: (i) => i.tenantId, describe: describeMember },
  async (i, ctx) => changeMember(i, "add", ctx.audit),
);

export const removeGroupMember = action(
  { name: "jumpcloud.group.member_removed", perm: "jumpcloud.write", mode: "external", input: Member, tenant: (i) => i.tenantId, describe: describeMember },
  async (i, ctx) => changeMember(i, "remove", ctx.audit),
);
