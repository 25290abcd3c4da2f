import { Badge } from "@/components/ui/badge";
import { words } from "@/lib/format/words";

export function StateBadge({ state }: { state: string | null }) {
  if (!state) return <span className="text-muted-foreground">—</span>;
  const variant = state === "ACTIVATED" ? "success" : state === "SUSPENDED" ? "destructive" : "warning";
  return (
    <Badge variant={variant} data-testid="user-state" title={state}>
      {words(state)}
    </Badge>
  );
}

export function LockBadge({ locked }: { locked: boolean | null }) {
  if (locked === null) return <span className="text-muted-foreground">—</span>;
  return locked ? (
    <Badge variant="destructive" data-testid="user-lock">
      locked
    </Badge>
  ) : (
    <span className="text-muted-foreground" data-testid="user-lock">
      no
    </span>
  );
}

export function MfaBadge({ status }: { status: string | null }) {
  if (!status) return <span className="text-muted-foreground">—</span>;
  const variant =
    status === "ENROLLED"
      ? "success"
      : status === "NOT_ENROLLED" || status === "ENROLLMENT_EXPIRED"
        ? "warning"
        : "default";
  return (
    <Badge variant={variant} data-testid="user-mfa" title={status}>
      {words(status)}
    </Badge>
  );
}

export function YesNo({ value, yes = "yes" }: { value: boolean | null; yes?: string }) {
  if (value === null) return <span className="text-muted-foreground">—</span>;
  return value ? <Badge variant="warning">{yes}</Badge> : <span className="text-muted-foreground">no</span>;
}
