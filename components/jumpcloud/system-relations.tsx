"use client";
import { useRunAction } from "@/components/actions/use-run-action";
import { addAssociation, removeAssociation } from "@/lib/jumpcloud/association-actions";
import { addGroupMember, removeGroupMember } from "@/lib/jumpcloud/group-actions";
import { type RelationItem, RelationList } from "./relation-list";

/** A system's groups and the users and user groups bound to it. */
export function SystemRelations({
  tenantId,
  systemId,
  name,
  groups,
  associations,
  canWrite,
}: {
  tenantId: string;
  systemId: string;
  name: string;
  groups: RelationItem[];
  associations: RelationItem[];
  canWrite: boolean;
}) {
  const { run } = useRunAction();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <RelationList
        title="System groups"
        testId="system-groups"
        items={groups}
        canWrite={canWrite}
        empty="Not in any system group."
        pickKinds={[["system_group", "System group"]]}
        removeText={(g) => (
          <>
            Removes {name} from {g.name}; users bound through that group lose their accounts on it. You can undo this.
          </>
        )}
        onAdd={async (_k, p) =>
          (
            await run(
              addGroupMember,
              { tenantId, kind: "system_group", groupId: p.id, memberId: systemId },
              { success: `${name} added to ${p.label}.`, undo: true },
            )
          ).ok
        }
        onRemove={async (g) =>
          (
            await run(
              removeGroupMember,
              { tenantId, kind: "system_group", groupId: g.id, memberId: systemId },
              { success: `${name} removed from ${g.name}.`, undo: true },
            )
          ).ok
        }
      />
      <RelationList
        title="Bound users"
        testId="system-associations"
        items={associations}
        canWrite={canWrite}
        empty="No user or user group is bound to this system directly."
        pickKinds={[
          ["user", "User"],
          ["user_group", "User group"],
        ]}
        removeText={(a) => (
          <>
            Unbinds {a.name} from {name}; their account is removed at the next agent check-in. You can undo this.
          </>
        )}
        onAdd={async (k, p) =>
          (
            await run(
              addAssociation,
              { tenantId, fromType: k as "user" | "user_group", fromId: p.id, toType: "system", toId: systemId },
              { success: `${p.label} bound to ${name}.`, undo: true },
            )
          ).ok
        }
        onRemove={async (a) =>
          (
            await run(
              removeAssociation,
              { tenantId, fromType: a.type as "user" | "user_group", fromId: a.id, toType: "system", toId: systemId },
              { success: `${a.name} unbound from ${name}.`, undo: true },
            )
          ).ok
        }
      />
    </div>
  );
}
