"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { DataTable } from "@/components/data-table/data-table";
import { UrlSelect } from "@/components/data-table/url-filters";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { addAssociation, removeAssociation } from "@/lib/jumpcloud/association-actions";
import type { AssociationRow, Pair } from "@/lib/jumpcloud/queries";
import type { LookupKind } from "@/lib/jumpcloud/queries/lookup";
import type { TableState } from "@/lib/table/params";
import { ObjectPicker, type Picked } from "./object-picker";

const HREF: Record<string, string> = {
  user: "/jumpcloud/users",
  system: "/jumpcloud/systems",
  user_group: "/jumpcloud/user-groups",
  system_group: "/jumpcloud/system-groups",
};
const LABEL: Record<LookupKind, string> = {
  user: "User",
  system: "System",
  user_group: "User group",
  system_group: "System group",
};

type Side = { from: "user" | "user_group"; to: "system" | "system_group" };

/** Every binding of one pair of kinds, with Remove per row (undoable) and an Add form above. */
export function AssociationsEditor({
  tenantId,
  pair,
  side,
  pairs,
  defaultLabel,
  rows,
  total,
  state,
  canWrite,
}: {
  tenantId: string;
  pair: Pair;
  side: Side;
  pairs: { value: string; label: string }[];
  defaultLabel: string;
  rows: AssociationRow[];
  total: number;
  state: TableState<string>;
  canWrite: boolean;
}) {
  const { run, pending } = useRunAction();
  const [from, setFrom] = useState<Picked | null>(null);
  const [to, setTo] = useState<Picked | null>(null);
  const onFrom = useCallback((p: Picked | null) => setFrom(p), []);
  const onTo = useCallback((p: Picked | null) => setTo(p), []);

  const columns = useMemo<ColumnDef<AssociationRow, unknown>[]>(
    () => [
      {
        id: "from",
        meta: { label: LABEL[side.from] },
        enableHiding: false,
        cell: ({ row }) => (
          <Link className="link" href={`${HREF[row.original.fromType]}/${row.original.fromId}`}>
            {row.original.fromName}
          </Link>
        ),
      },
      {
        id: "to",
        meta: { label: LABEL[side.to] },
        enableHiding: false,
        cell: ({ row }) => (
          <Link className="link" href={`${HREF[row.original.toType]}/${row.original.toId}`}>
            {row.original.toName}
          </Link>
        ),
      },
      {
        id: "sudo",
        meta: { label: "Sudo" },
        cell: ({ row }) =>
          row.original.sudo ? <Badge variant="warning">sudo</Badge> : <span className="text-muted-foreground">—</span>,
      },
      ...(canWrite
        ? [
            {
              id: "remove",
              meta: { label: "" },
              enableHiding: false,
              cell: ({ row }: { row: { original: AssociationRow } }) => {
                const r = row.original;
                return (
                  <ConfirmDialog
                    title="Remove association"
                    confirmLabel="Remove"
                    destructive
                    trigger={
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Remove ${r.fromName} → ${r.toName}`}
                        data-testid="remove-association"
                      >
                        Remove
                      </Button>
                    }
                    onConfirm={async () =>
                      (
                        await run(
                          removeAssociation,
                          { tenantId, fromType: side.from, fromId: r.fromId, toType: side.to, toId: r.toId },
                          { success: `${r.fromName} is no longer bound to ${r.toName}.`, undo: true },
                        )
                      ).ok
                    }
                  >
                    Unbinds {r.fromName} from {r.toName} in JumpCloud. You can undo this.
                  </ConfirmDialog>
                );
              },
            } as ColumnDef<AssociationRow, unknown>,
          ]
        : []),
    ],
    [canWrite, run, side.from, side.to, tenantId],
  );

  return (
    <div className="space-y-4">
      {canWrite ? (
        <form
          key={pair}
          className="flex flex-wrap items-end gap-3 rounded-md border p-3"
          data-testid="add-association"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!from || !to) return;
            await run(
              addAssociation,
              { tenantId, fromType: side.from, fromId: from.id, toType: side.to, toId: to.id },
              { success: `${from.label} is bound to ${to.label}.`, undo: true },
            );
          }}
        >
          <ObjectPicker kind={side.from} label={LABEL[side.from]} onPick={onFrom} testId="association-from" />
          <span className="pb-2" aria-hidden>
            ↔
          </span>
          <ObjectPicker kind={side.to} label={LABEL[side.to]} onPick={onTo} testId="association-to" />
          <Button type="submit" disabled={!from || !to || pending} data-testid="association-add">
            Associate
          </Button>
        </form>
      ) : null}
      <DataTable
        columns={columns}
        rows={rows}
        total={total}
        state={state}
        getRowId={(r) => r.key}
        searchLabel="Search either side by name"
        testId="jc-associations-table"
        filters={<UrlSelect param="pair" label="Pair" options={pairs} allLabel={defaultLabel} />}
        emptyText="No associations of this kind."
      />
    </div>
  );
}
