"use server";
import { actionOf } from "../operations/derive/action";
import addGroupMemberOp from "../operations/jumpcloud/add-group-member";
import createGroupOp from "../operations/jumpcloud/create-group";
import deleteGroupOp from "../operations/jumpcloud/delete-group";
import removeGroupMemberOp from "../operations/jumpcloud/remove-group-member";
import updateGroupOp from "../operations/jumpcloud/update-group";

type GroupKind = "user_group" | "system_group";

export const createGroup = actionOf<
  { tenantId: string; kind: GroupKind; name: string; description?: string },
  { id: string; name: string }
>(createGroupOp);

/** Name and description are sent whole (JumpCloud's PUT replaces them). */
export const updateGroup = actionOf<
  { tenantId: string; kind: GroupKind; groupId: string; name: string; description?: string; undoOf?: string },
  { name: string }
>(updateGroupOp);

/** Admins only: members lose what the group gave them; the event keeps who they were. */
export const deleteGroup = actionOf<{ tenantId: string; kind: GroupKind; groupId: string }, { name: string }>(
  deleteGroupOp,
);

type Member = { tenantId: string; kind: GroupKind; groupId: string; memberId: string; undoOf?: string };
type Named = { group: string | null; member: string | null; kindLabel: string };

export const addGroupMember = actionOf<Member, Named>(addGroupMemberOp);

export const removeGroupMember = actionOf<Member, Named>(removeGroupMemberOp);
