"use server";
import { actionOf } from "../operations/derive/action";
import addGroupMemberOp from "../operations/jumpcloud/add-group-member";
import createGroupOp from "../operations/jumpcloud/create-group";
import removeGroupMemberOp from "../operations/jumpcloud/remove-group-member";

type GroupKind = "user_group" | "system_group";

export const createGroup = actionOf<
  { tenantId: string; kind: GroupKind; name: string; description?: string },
  { id: string; name: string }
>(createGroupOp);

type Member = { tenantId: string; kind: GroupKind; groupId: string; memberId: string; undoOf?: string };
type Named = { group: string | null; member: string | null; kindLabel: string };

export const addGroupMember = actionOf<Member, Named>(addGroupMemberOp);

export const removeGroupMember = actionOf<Member, Named>(removeGroupMemberOp);
