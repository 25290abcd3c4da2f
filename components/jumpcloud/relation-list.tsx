"use client";
import Link from "next/link";
import { type ReactNode, useCallback, useState } from "react";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import type { LookupKind } from "@/lib/jumpcloud/queries";
import { ObjectPicker, type Picked } from "./object-picker";

export interface RelationItem {
  id: string;
  type: string;
  name: string;
}

const HREF: Record<string, string> = {
  user: "/jumpcloud/users",
  system: "/jumpcloud/systems",
  user_group: "/jumpcloud/user-groups",
  system_group: "/jumpcloud/system-groups",
};
const TYPE_LABEL: Record<string, string> = {
  user: "user",
  system: "system",
  user_group: "user group",
  system_group: "system group",
};

/**
 * A list of related objects (members, groups, associations) with Remove on
 * each and an Add form with a picker; the caller says what add and remove do.
 */
export function RelationList({
  title,
  items,
  empty,
  canWrite,
  pickKinds,
  onAdd,
  onRemove,
  removeText,
  testId,
}: {
  title: string;
  items: RelationItem[];
  empty: string;
  canWrite: boolean;
  /** What may be added, e.g. [["system", "System"], ["system_group", "System group"]]. */
  pickKinds: [[LookupKind, string], ...[LookupKind, string][]];
  onAdd: (kind: LookupKind, picked: Picked) => Promise<boolean>;
  onRemove: (item: RelationItem) => Promise<boolean>;
  removeText: (item: RelationItem) => ReactNode;
  testId: string;
}) {
  const [kind, setKind] = useState<LookupKind>(pickKinds[0][0]);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [busy, setBusy] = useState(false);
  const onPick = useCallback((p: Picked | null) => setPicked(p), []);
  return (
    <section className="space-y-2" data-testid={testId}>
      <h2 className="text-lg font-semibold">
        {title} <span className="text-sm font-normal text-muted-foreground">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{empty}</p>
      ) : (
        <ul className="divide-y rounded-md border">
          {items.map((it) => (
            <li
              key={`${it.type}:${it.id}`}
              className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm"
              data-testid="relation-item"
            >
              <span>
                <Link href={`${HREF[it.type] ?? "/jumpcloud"}/${it.id}`} className="link">
                  {it.name}
                </Link>
                <span className="ml-2 text-xs text-muted-foreground">{TYPE_LABEL[it.type] ?? it.type}</span>
              </span>
              {canWrite ? (
                <ConfirmDialog
                  title={`Remove ${it.name}`}
                  confirmLabel="Remove"
                  destructive
                  trigger={
                    <Button size="sm" variant="ghost" aria-label={`Remove ${it.name}`}>
                      Remove
                    </Button>
                  }
                  onConfirm={() => onRemove(it)}
                >
                  {removeText(it)}
                </ConfirmDialog>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canWrite ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!picked || busy) return;
            setBusy(true);
            try {
              await onAdd(kind, picked);
            } finally {
              setBusy(false);
            }
          }}
        >
          {pickKinds.length > 1 ? (
            <div className="grid gap-1">
              <label className="text-sm font-medium" htmlFor={`${testId}-kind`}>
                Kind
              </label>
              <select
                id={`${testId}-kind`}
                className="h-9 rounded-md border bg-background px-2 text-sm"
                value={kind}
                onChange={(e) => setKind(e.target.value as LookupKind)}
              >
                {pickKinds.map(([k, l]) => (
                  <option key={k} value={k}>
                    {l}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <ObjectPicker
            key={kind}
            kind={kind}
            label={`Add ${pickKinds.find(([k]) => k === kind)?.[1].toLowerCase()}`}
            onPick={onPick}
            testId={`${testId}-picker`}
          />
          <Button type="submit" variant="outline" disabled={!picked || busy} data-testid={`${testId}-add`}>
            Add
          </Button>
        </form>
      ) : null}
    </section>
  );
}
