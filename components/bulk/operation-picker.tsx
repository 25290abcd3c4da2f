"use client";
import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";

/** One operation or runbook as the bulk page lists it, worked out on the server. */
export interface PickerOperation {
  id: string;
  label: string;
  /** The vendor's name, or "Every vendor" for a runbook. */
  group: string;
  description: string;
  columns: string;
  destructive: boolean;
  adminOnly: boolean;
}

/**
 * The bulk operations and their CSV templates: a search over names, descriptions and columns, and the list grouped
 * by vendor, each group folded until opened or searched (over a hundred operations would otherwise be a wall).
 */
export function OperationPicker({ operations }: { operations: PickerOperation[] }) {
  const [query, setQuery] = useState("");
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = useMemo(
    () =>
      operations.filter((o) => {
        const text = `${o.label} ${o.group} ${o.description} ${o.columns}`.toLowerCase();
        return words.every((w) => text.includes(w));
      }),
    [operations, words],
  );
  const groups = [...new Set(operations.map((o) => o.group))];
  return (
    <div className="mt-3 grid gap-3" data-testid="bulk-catalogue">
      <Input
        type="search"
        aria-label="Find a bulk change"
        placeholder="Find a bulk change: a verb, a vendor, a column…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {shown.length === 0 ? <p className="text-sm text-muted-foreground">No operation matches.</p> : null}
      {groups.map((group) => {
        const ops = shown.filter((o) => o.group === group);
        if (ops.length === 0) return null;
        return (
          // Keyed by whether a search is on: a search opens every group with a match, clearing it folds them again.
          <details key={`${group}|${words.length > 0}`} open={words.length > 0} className="rounded-md border">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
              {group} <span className="font-normal text-muted-foreground">({ops.length})</span>
            </summary>
            <ul className="divide-y border-t text-sm">
              {ops.map((o) => (
                <li key={o.id} className="px-3 py-2">
                  <div className="flex items-center gap-2">
                    <span className="font-medium">{o.label}</span>
                    {o.destructive ? <Badge variant="warning">destructive</Badge> : null}
                    {o.adminOnly ? <Badge>admins only</Badge> : null}
                    <a className="link ml-auto shrink-0" href={`/api/bulk/templates/${o.id}`} download>
                      Template
                    </a>
                  </div>
                  <p className="text-muted-foreground">
                    {o.description} Columns: {o.columns}.
                  </p>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </div>
  );
}
