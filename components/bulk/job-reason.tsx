import { ReasonLink } from "@/components/audit/reason-link";

/** The reason or ticket number a job was confirmed with. */
export function JobReason({ reason }: { reason: string | null }) {
  if (!reason) return null;
  return (
    <p className="mt-2 text-sm" data-testid="job-reason">
      <span className="text-muted-foreground">Reason: </span>
      <ReasonLink reason={reason} />
    </p>
  );
}
