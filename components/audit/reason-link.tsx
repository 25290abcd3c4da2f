import Link from "next/link";

/** A reason or ticket number given for a change, linked to a search of the log for every event that gave it. */
export function ReasonLink({ reason }: { reason: string }) {
  return (
    <Link className="link" href={`/audit?q=${encodeURIComponent(reason)}`}>
      {reason}
    </Link>
  );
}
