import { Badge } from "@/components/ui/badge";
import { When } from "@/components/ui/when";

/**
 * MFA or UDP as this console last set it. TruGrid has no call that reads
 * either, so the badge never claims more: "unknown" when the console has not
 * set it, and always with when and by whom otherwise.
 */
export function StateCell({
  on,
  at,
  by,
  what,
  testId,
}: {
  on: boolean | null;
  at: Date | string | null;
  by: string | null;
  what: string;
  testId?: string;
}) {
  if (on === null || !at) {
    return (
      <span
        className="text-muted-foreground"
        data-testid={testId}
        title={`TruGrid does not report ${what}; it has not been set through this console.`}
      >
        unknown
      </span>
    );
  }
  return (
    <span className="inline-flex flex-col" data-testid={testId}>
      <Badge variant={on ? "success" : "warning"} className="w-fit">
        {on ? "on" : "off"}
      </Badge>
      <span className="text-xs text-muted-foreground">
        set here <When at={at} /> by {by ?? "someone"}
      </span>
    </span>
  );
}
