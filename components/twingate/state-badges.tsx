import { Badge } from "@/components/ui/badge";
import { words } from "@/lib/format/words";

const USER_VARIANT: Record<string, "success" | "warning" | "destructive" | "default"> = {
  ACTIVE: "success",
  PENDING: "warning",
  DISABLED: "destructive",
};
const DEVICE_VARIANT: Record<string, "success" | "warning" | "destructive" | "default"> = {
  ACTIVE: "success",
  ARCHIVED: "default",
  BLOCKED: "destructive",
};

export function UserStateBadge({ state }: { state: string }) {
  return (
    <Badge variant={USER_VARIANT[state] ?? "default"} title={state}>
      {words(state)}
    </Badge>
  );
}

export function DeviceStateBadge({ state }: { state: string }) {
  return (
    <Badge variant={DEVICE_VARIANT[state] ?? "default"} title={state}>
      {words(state)}
    </Badge>
  );
}

export function TrustBadge({ trusted }: { trusted: boolean }) {
  return trusted ? <Badge variant="success">Trusted</Badge> : <Badge variant="outline">Not trusted</Badge>;
}

export function Muted({ children = "—" }: { children?: React.ReactNode }) {
  return <span className="text-muted-foreground">{children}</span>;
}
