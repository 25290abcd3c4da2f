import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { When } from "@/components/ui/when";
import type { HistoryEntry } from "@/lib/trugrid/history";

/** Successful calls recorded in the audit log, with what TruGrid answered per item. */
export function HistoryList({
  title,
  description,
  entries,
  render,
  testId,
}: {
  title: string;
  description: string;
  entries: HistoryEntry[];
  render: (e: HistoryEntry) => string[];
  testId?: string;
}) {
  return (
    <Card data-testid={testId}>
      <CardTitle>{title}</CardTitle>
      <CardDescription>{description}</CardDescription>
      <ul className="mt-3 divide-y text-sm">
        {entries.map((e) => (
          <li key={e.id} className="py-2">
            <div className="text-xs text-muted-foreground">
              <When at={e.at} /> · {e.actorName ?? "someone"}
            </div>
            {render(e).map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an entry's fixed lines may repeat and never reorder
              <div key={i} className="font-mono text-xs">
                {line}
              </div>
            ))}
          </li>
        ))}
        {entries.length === 0 ? <li className="py-2 text-muted-foreground">Nothing yet.</li> : null}
      </ul>
    </Card>
  );
}

/** "item: status" lines from an event's after.statuses. */
export function statusLines(e: HistoryEntry): string[] {
  const statuses = ((e.after ?? {}) as { statuses?: Record<string, string> }).statuses ?? {};
  return Object.entries(statuses).map(([k, v]) => `${k}: ${v}`);
}
