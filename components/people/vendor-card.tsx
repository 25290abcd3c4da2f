import type { ReactNode } from "react";
import { Card, CardTitle } from "@/components/ui/card";

/** One vendor's section of a person page; says plainly when the vendor does not know the person. */
export function VendorCard({
  title,
  known,
  testId,
  children,
}: {
  title: string;
  known: boolean;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Card data-testid={testId}>
      <CardTitle>{title}</CardTitle>
      <div className="mt-3 space-y-3 text-sm">
        {known ? children : <p className="text-muted-foreground">Not known to {title} (as of the last sync).</p>}
      </div>
    </Card>
  );
}

export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1">
      {items.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-muted-foreground">{k}</dt>
          <dd className="break-all">{v ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
