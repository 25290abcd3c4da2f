import Link from "next/link";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { VENDOR_AREAS } from "@/lib/vendors/areas";

/** Counts from the cache, each linking to its page. */
export function TwingateOverviewCard({ counts }: { counts: Record<string, number> }) {
  return (
    <Card data-testid="twingate-overview">
      <CardTitle>In the cache</CardTitle>
      <CardDescription>What the last Twingate sync and the console's own changes hold for this tenant.</CardDescription>
      <ul className="mt-3 grid grid-cols-2 gap-2 text-sm">
        {VENDOR_AREAS.twingate.tabs
          .filter((s) => s.href !== "/twingate")
          .map((s) => (
            <li key={s.href}>
              <Link href={s.href} className="flex justify-between rounded-md border px-3 py-2 hover:bg-accent">
                <span>{s.label}</span>
                <span className="tabular-nums text-muted-foreground">{counts[s.href] ?? 0}</span>
              </Link>
            </li>
          ))}
      </ul>
    </Card>
  );
}
