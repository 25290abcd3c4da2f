"use client";
import { Columns3 } from "lucide-react";
import { DropdownMenu as M } from "radix-ui";
import { Button } from "@/components/ui/button";

/** Shows or hides columns; the hidden set lives in the URL (`hide=`), so a view can be shared or saved. */
export function ColumnChooser({
  columns,
  hidden,
  onChange,
}: {
  columns: { id: string; label: string }[];
  hidden: string[];
  onChange: (hidden: string[]) => void;
}) {
  return (
    <M.Root>
      <M.Trigger asChild>
        <Button variant="outline" size="sm" aria-label="Choose columns">
          <Columns3 />
          Columns
        </Button>
      </M.Trigger>
      <M.Portal>
        <M.Content align="end" className="z-50 min-w-44 rounded-md border bg-card p-1 text-sm shadow-md">
          {columns.map((c) => (
            <M.CheckboxItem
              key={c.id}
              checked={!hidden.includes(c.id)}
              onSelect={(e) => e.preventDefault()}
              onCheckedChange={(on) => onChange(on ? hidden.filter((h) => h !== c.id) : [...hidden, c.id])}
              className={
                "flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none " +
                "data-[highlighted]:bg-accent"
              }
            >
              <span className="inline-block w-4 text-center" aria-hidden>
                {hidden.includes(c.id) ? "" : "✓"}
              </span>
              {c.label}
            </M.CheckboxItem>
          ))}
        </M.Content>
      </M.Portal>
    </M.Root>
  );
}
