import { cn } from "@/lib/ui/cn";

/** A determinate bar when `value` is known (0..1), an indeterminate one otherwise. */
export function Progress({ value, label, className }: { value: number | null; label: string; className?: string }) {
  const pct = value === null ? null : Math.max(0, Math.min(100, Math.round(value * 100)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct ?? undefined}
      className={cn("h-2 w-full overflow-hidden rounded-full bg-muted", className)}
    >
      <div
        className={cn("h-full rounded-full bg-primary transition-all", pct === null && "w-1/3 animate-pulse")}
        style={pct === null ? undefined : { width: `${pct}%` }}
      />
    </div>
  );
}
