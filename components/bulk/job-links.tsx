import Link from "next/link";

/** Back to the Bulk page and on to the job's audit events: the same on every kind of job page. */
export function JobLinks({ jobId }: { jobId: string }) {
  return (
    <div className="mb-4 flex gap-4 text-sm">
      <Link href="/bulk" className="link">
        ← Bulk changes
      </Link>
      <Link href={`/audit?job=${jobId}`} className="link">
        Audit events of this job
      </Link>
    </div>
  );
}
