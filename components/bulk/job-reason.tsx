import Link from "next/link";

/** The reason or ticket number a job was confirmed with, linked to a search of the log for it. */
export function JobReason({ reason }: { reason: string | null }) {
  if (!reason) return null;
  return (
    <p className="mt-2 text-sm" data-testid="job-reason">
      <span className="text-muted-foreground">Reason: </span>
      <Link className="link" href={`/audit?q=${encodeURIComponent(reason)}`}>
        {reason}
      </Link>
    </p>
  );
}
