"use client";
import { Bookmark, Trash2 } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useRef, useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { deleteTableView, saveTableView } from "@/lib/views/actions";
import type { TableViewItem } from "@/lib/views/list-views";
import { viewQuery } from "@/lib/views/view-query";
import { viewWords } from "./view-words";

/**
 * Saved views for a DataTable (put it in `tools`): a view is a name for the
 * table's URL (filters, sort, hidden columns). Choosing one opens that URL;
 * "Save view" keeps the current one, for oneself or (with views.share) for
 * everyone in the tenant. The server page passes the views from listTableViews.
 */
export function SavedViews({
  table,
  tenantId,
  views,
  canShare,
}: {
  table: string;
  tenantId: string;
  views: TableViewItem[];
  canShare: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { run, pending } = useRunAction();
  const current = viewQuery(params.toString());
  const active = views.find((v) => v.query === current);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const [described, setDescribed] = useState<string[]>([]);

  const apply = (id: string) => {
    const v = views.find((x) => x.id === id);
    if (v) router.replace(v.query ? `${pathname}?${v.query}` : pathname, { scroll: false });
  };

  return (
    <div className="flex items-center gap-1" data-testid="saved-views" ref={root}>
      <Select
        aria-label="Saved view"
        value={active?.id ?? ""}
        onChange={(e) => apply(e.target.value)}
        className="w-auto max-w-56"
      >
        <option value="">{views.length ? "Saved views…" : "No saved views"}</option>
        {views.map((v) => (
          <option key={v.id} value={v.id}>
            {v.shared ? `${v.name} (shared)` : v.name}
          </option>
        ))}
      </Select>
      {active && (active.mine || (active.shared && canShare)) ? (
        <ConfirmDialog
          reason={false}
          trigger={
            <Button variant="ghost" size="sm" aria-label={`Delete view ${active.name}`}>
              <Trash2 />
            </Button>
          }
          title={`Delete the view "${active.name}"?`}
          description={
            active.shared ? "It is shared: it disappears for everyone in this tenant." : "Only your own list changes."
          }
          confirmLabel="Delete view"
          destructive
          onConfirm={async () =>
            (await run(deleteTableView, { tenantId, id: active.id }, { success: `Deleted the view "${active.name}".` }))
              .ok
          }
        />
      ) : null}
      <Dialog
        open={open}
        onOpenChange={(o) => {
          // Read when the dialog opens: the controls show the current filters then.
          if (o) setDescribed(viewWords(root.current?.closest("[data-table-root]") ?? null, current));
          setOpen(o);
        }}
      >
        <DialogTrigger asChild>
          <Button variant="outline" size="sm">
            <Bookmark />
            Save view
          </Button>
        </DialogTrigger>
        <DialogContent title="Save this view" description="Keeps the current filters, sort and columns under a name.">
          <form
            className="space-y-4"
            onSubmit={async (e) => {
              e.preventDefault();
              const res = await run(
                saveTableView,
                { tenantId, table, name, query: current, shared },
                { success: `Saved the view "${name.trim()}".` },
              );
              if (res.ok) {
                setOpen(false);
                setName("");
                setShared(false);
              }
            }}
          >
            <div className="space-y-1">
              <Label htmlFor="view-name">Name</Label>
              <Input
                id="view-name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={80}
                required
                autoComplete="off"
              />
            </div>
            {canShare ? (
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4"
                  checked={shared}
                  onChange={(e) => setShared(e.target.checked)}
                />
                Share with everyone in this tenant
              </label>
            ) : null}
            <div className="text-sm" data-testid="view-words">
              <p className="text-muted-foreground">This view keeps:</p>
              {described.length ? (
                <ul className="mt-1 list-disc pl-5">
                  {described.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              ) : (
                <p className="mt-1">The table as it first opens: no filter, its own order, every column.</p>
              )}
            </div>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending || !name.trim()}>
                Save
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
