"use client";
import { useRunAction } from "@/components/actions/use-run-action";
import { addAssociation, removeAssociation } from "@/lib/jumpcloud/association-actions";
import { addGroupMember, removeGroupMember } from "@/lib/jumpcloud/group-actions";
import { type RelationItem, RelationList } from "./relation-list";

/** A user's groups and the systems (or system groups) bound to the user directly. */
export function UserRelations({
  tenantId,
  userId,
  email,
  groups,
  associations,
  canWrite,
}: {
  tenantId: string;
  userId: string;
  email: string;
  groups: RelationItem[];
  associations: RelationItem[];
  canWrite: boolean;
}) {
  const { run } = useRunAction();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <RelationList
        title="User groups"
        testId="user-groups"
        items={groups}
        canWrite={canWrite}
        empty="Not in any user group."
        pickKinds={[["user_group", "User group"]]}
        removeText={(g) => (
          <>
            Removes {email} from the user group {g.name}; the user loses what the group grants. You can undo this.
          </>
        )}
        onAdd={async (_k, p) =>
          (
            await run(
              addGroupMember,
              { tenantId, kind: "user_group", groupId: p.id, memberId: userId },
              { success: `${email} added to ${p.label}.`, undo: true },
            )
          ).ok
        }
        onRemove={async (g) =>
          (
            await run(
              removeGroupMember,
              { tenantId, kind: "user_group", groupId: g.id, memberId: userId },
              { success: `${email} removed from ${g.name}.`, undo: true },
            )
          ).ok
        }
      />
      <RelationList
        title="Bound systems"
        testId="user-associations"
        items={associations}
        canWrite={canWrite}
        empty="No system or system group is bound to this user directly."
        pickKinds={[
          ["system", "System"],
          ["system_group", "System group"],
        ]}
        removeText={(a) => (
          <>
            Unbinds {email} from {a.name}; the user account is removed from it at the next agent check-in. You can undo
            this.
          </>
        )}
        onAdd={async (k, p) =>
          (
            await run(
              addAssociation,
              { tenantId, fromType: "user", fromId: userId, toType: k as "system" | "system_group", toId: p.id },
              { success: `${email} bound to ${p.label}.`, undo: true },
            )
          ).ok
        }
        onRemove={async (a) =>
          (
            await run(
              removeAssociation,
              { tenantId, fromType: "user", fromId: userId, toType: a.type as "system" | "system_group", toId: a.id },
              { success: `${email} unbound from ${a.name}.`, undo: true },
            )
          ).ok
        }
      />
    </div>
  );
}
