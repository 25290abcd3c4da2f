"use client";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";

export interface ShownResult {
  title: string;
  items: { item: string; status: string; ok: boolean }[];
}

/** TruGrid's per-item statuses of the last action, verbatim. */
export function ItemResults({ result, onClose }: { result: ShownResult | null; onClose: () => void }) {
  if (!result) return null;
  return (
    <Card data-testid="item-results" aria-live="polite" className="space-y-2">
      <div className="flex items-center justify-between">
        <CardTitle>{result.title}</CardTitle>
        <button type="button" className="text-sm text-muted-foreground underline" onClick={onClose}>
          Dismiss
        </button>
      </div>
      <p className="text-xs text-muted-foreground">TruGrid&apos;s answer for each item, as it gave it.</p>
      <ul className="divide-y text-sm">
        {result.items.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: TruGrid's answer as given; items may repeat
          <li key={`${r.item}-${i}`} className="flex flex-wrap items-center gap-2 py-1.5" data-testid="item-result">
            <Badge variant={r.ok ? "success" : "destructive"}>{r.ok ? "done" : "refused"}</Badge>
            <span className="font-mono text-xs">{r.item}</span>
            <span className="text-muted-foreground">{r.status}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
