import { badgeVariants } from "@/components/ui/badge";
import { assuranceLabel } from "@/lib/truu/options";

// Worked out once: a devices page shows this on every row, and Badge merges its classes on each render.
const CLASS: Record<number, string> = {
  500: badgeVariants({ variant: "success" }),
  300: badgeVariants({ variant: "default" }),
  100: badgeVariants({ variant: "outline" }),
};

export function AssuranceBadge({ level }: { level: number | null }) {
  const label = assuranceLabel(level);
  if (!label) return <span className="text-muted-foreground">—</span>;
  return (
    <span className={CLASS[level!] ?? CLASS[100]} title={`assurance level ${level}`}>
      {label}
    </span>
  );
}
