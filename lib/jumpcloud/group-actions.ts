"use server";
import { z } from "zod";
import { action } from "../actions/action";
import { db } from "../db";
import addGroupMemberOp from "../operations/jumpcloud/add-group-member";
import removeGroupMemberOp from "../operations/jumpcloud/remove-group-member";
import { actionOf } from "../operations/derive/action";
import { cacheGroup } from "./cache";
import { groupTarget } from "./targets";
import { jumpcloudFor, withVendor } from "./vendor";

const GroupKind = z.enum(["user_group", "system_group"]);
type GroupKind = z.output<typeof GroupKind>;

const vendorKind = (k: GroupKind) => (k === "user_group" ? "user" : "system") as "user" | "system";

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

type Member = { tenantId: string; kind: "user_group" | "system_group"; groupId: string; memberId: string; undoOf?: string };
type Named = { group: string | null; member: string | null; kindLabel: string };

export const addGroupMember = actionOf<Member, Named>(addGroupMemberOp);

export const removeGroupMember = actionOf<Member, Named>(removeGroupMemberOp);
