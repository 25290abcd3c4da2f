import { Badge } from "@/components/ui/badge";
import { assuranceLabel } from "@/lib/truu/options";

export function AssuranceBadge({ level }: { level: number | null }) {
  const label = assuranceLabel(level);
  if (!label) return <span className="text-muted-foreground">—</span>;
  return <Badge variant={level === 500 ? "success" : level === 300 ? "default" : "outline"} title={`assurance level ${level}`}>{label}</Badge>;
}
