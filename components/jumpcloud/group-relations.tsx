"use client";
import { useRunAction } from "@/components/actions/use-run-action";
import { addAssociation, removeAssociation } from "@/lib/jumpcloud/association-actions";
import { addGroupMember, removeGroupMember } from "@/lib/jumpcloud/group-actions";
import { type RelationItem, RelationList } from "./relation-list";

/** A group's members and its associations, each editable with undo. */
export function GroupRelations({
  tenantId,
  kind,
  groupId,
  name,
  members,
  associations,
  canWrite,
}: {
  tenantId: string;
  kind: "user_group" | "system_group";
  groupId: string;
  name: string;
  members: RelationItem[];
  associations: RelationItem[];
  canWrite: boolean;
}) {
  const { run } = useRunAction();
  const memberKind = kind === "user_group" ? "user" : "system";
  const userSide = kind === "user_group";
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <RelationList
        title="Members"
        testId="group-members"
        items={members}
        canWrite={canWrite}
        empty="No members."
        pickKinds={[[memberKind, memberKind === "user" ? "User" : "System"]]}
        removeText={(m) => (
          <>
            Removes {m.name} from {name}; it loses what the group grants. You can undo this.
          </>
        )}
        onAdd={async (_k, p) =>
          (
            await run(
              addGroupMember,
              { tenantId, kind, groupId, memberId: p.id },
              { success: `${p.label} added to ${name}.`, undo: true },
            )
          ).ok
        }
        onRemove={async (m) =>
          (
            await run(
              removeGroupMember,
              { tenantId, kind, groupId, memberId: m.id },
              { success: `${m.name} removed from ${name}.`, undo: true },
            )
          ).ok
        }
      />
      <RelationList
        title={userSide ? "Bound systems" : "Bound users"}
        testId="group-associations"
        items={associations}
        canWrite={canWrite}
        empty={
          userSide
            ? "No system or system group is bound to this group."
            : "No user or user group is bound to this group."
        }
        pickKinds={
          userSide
            ? [
                ["system_group", "System group"],
                ["system", "System"],
              ]
            : [
                ["user_group", "User group"],
                ["user", "User"],
              ]
        }
        removeText={(a) => (
          <>
            Unbinds {a.name} from {name}. You can undo this.
          </>
        )}
        onAdd={async (k, p) => {
          const input = userSide
            ? {
                tenantId,
                fromType: "user_group" as const,
                fromId: groupId,
                toType: k as "system" | "system_group",
                toId: p.id,
              }
            : {
                tenantId,
                fromType: k as "user" | "user_group",
                fromId: p.id,
                toType: "system_group" as const,
                toId: groupId,
              };
          return (await run(addAssociation, input, { success: `${name} bound to ${p.label}.`, undo: true })).ok;
        }}
        onRemove={async (a) => {
          const input = userSide
            ? {
                tenantId,
                fromType: "user_group" as const,
                fromId: groupId,
                toType: a.type as "system" | "system_group",
                toId: a.id,
              }
            : {
                tenantId,
                fromType: a.type as "user" | "user_group",
                fromId: a.id,
                toType: "system_group" as const,
                toId: groupId,
              };
          return (await run(removeAssociation, input, { success: `${name} unbound from ${a.name}.`, undo: true })).ok;
        }}
      />
    </div>
  );
}
