import Link from "next/link";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { DateText, When } from "@/components/ui/when";
import { words } from "@/lib/format/words";
import type { TruuCharts } from "@/lib/truu/charts";
import { STALE_CHART_DAYS } from "@/lib/truu/charts";
import { assuranceLabel } from "@/lib/truu/options";

/** Horizontal bars drawn with CSS; each row is a link to the devices table filtered to it when `href` is given. */
function Bars({
  items,
  testId,
}: {
  items: { label: string; value: number; href?: string; tone?: string }[];
  testId: string;
}) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ul className="mt-3 space-y-1.5" data-testid={testId}>
      {items.map((i) => {
        const bar = (
          <span className="grid grid-cols-[8rem_1fr_4rem] items-center gap-2 text-sm">
            <span className="truncate">{i.label}</span>
            <span className="h-3 rounded-sm bg-muted" aria-hidden>
              <span
                className={`block h-3 rounded-sm ${i.tone ?? "bg-primary"}`}
                style={{ width: `${(i.value / max) * 100}%` }}
              />
            </span>
            <span className="text-right tabular-nums" data-testid="chart-value">
              {i.value.toLocaleString("en")}
            </span>
          </span>
        );
        return (
          <li key={i.label}>
            {i.href ? (
              <Link href={i.href} className="block rounded hover:bg-accent">
                {bar}
              </Link>
            ) : (
              bar
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Stale devices per sync as an SVG column chart, with the figures as a list for screen readers. */
function StaleChart({ points }: { points: TruuCharts["staleBySync"] }) {
  const [first] = points;
  const last = points.at(-1);
  if (!first || !last) return <p className="mt-3 text-sm text-muted-foreground">No successful TruU sync yet.</p>;
  const max = Math.max(1, ...points.map((p) => p.stale));
  const w = 24;
  const h = 120;
  return (
    <figure className="mt-3">
      <svg
        viewBox={`0 0 ${points.length * w} ${h + 4}`}
        className="h-36 w-full"
        role="img"
        aria-label={`Stale devices at each of the last ${points.length} syncs`}
        preserveAspectRatio="none"
      >
        {points.map((p, i) => {
          const bh = Math.max(1, (p.stale / max) * h);
          return (
            <rect key={p.at} x={i * w + 3} y={h - bh + 2} width={w - 6} height={bh} className="fill-warning">
              <title>
                <DateText at={p.at} />
                {`: ${p.stale} of ${p.total}`}
              </title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="flex justify-between text-xs text-muted-foreground">
        <span>
          <When at={first.at} precision="date" />
        </span>
        <span data-testid="stale-latest">
          latest: {last.stale.toLocaleString("en")} of {last.total.toLocaleString("en")}
        </span>
        <span>
          <When at={last.at} precision="date" />
        </span>
      </figcaption>
      <ol className="sr-only">
        {points.map((p) => (
          <li key={p.at}>
            <When at={p.at} />
            {`: ${p.stale} stale of ${p.total}`}
          </li>
        ))}
      </ol>
    </figure>
  );
}

export function TruuChartCards({ charts }: { charts: TruuCharts }) {
  const stale = charts.lastHeard.slice(3).reduce((a, b) => a + b.value, 0);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardTitle>Devices by type</CardTitle>
        <CardDescription>{charts.total.toLocaleString("en")} live devices in the cache.</CardDescription>
        <Bars
          testId="chart-type"
          items={charts.byType.map((t) => ({
            label: t.label === "(none)" ? "no type" : words(t.label),
            value: t.value,
            href: t.label === "(none)" ? undefined : `/truu/devices?type=${encodeURIComponent(t.label)}`,
          }))}
        />
      </Card>
      <Card>
        <CardTitle>Devices by assurance level</CardTitle>
        <CardDescription>
          TruU&apos;s levels, highest first: Certified (level 500), Trusted (300), Basic (100).
        </CardDescription>
        <Bars
          testId="chart-assurance"
          items={charts.byAssurance.map((a) => ({
            label: assuranceLabel(a.level) ?? "unknown",
            value: a.value,
            href: a.level === null ? undefined : `/truu/devices?assurance=${a.level}`,
            tone: a.level === 500 ? "bg-success" : a.level === 100 ? "bg-warning" : "bg-primary",
          }))}
        />
      </Card>
      <Card>
        <CardTitle>Last heard from</CardTitle>
        <CardDescription>
          {stale.toLocaleString("en")} not heard from in {STALE_CHART_DAYS} days or more (or never).
        </CardDescription>
        <Bars
          testId="chart-last-heard"
          items={charts.lastHeard.map((b, i) => ({ ...b, tone: i >= 3 ? "bg-warning" : "bg-primary" }))}
        />
      </Card>
      <Card>
        <CardTitle>Stale devices across syncs</CardTitle>
        <CardDescription>
          Devices not heard from in {STALE_CHART_DAYS} days at the end of each successful sync. The cache keeps only
          each device&apos;s latest check-in, so a device heard from since then is counted as fresh then too.{" "}
          <Link href={`/truu/devices?stale=${STALE_CHART_DAYS}`} className="link">
            Show them now
          </Link>
        </CardDescription>
        <StaleChart points={charts.staleBySync} />
      </Card>
    </div>
  );
}
