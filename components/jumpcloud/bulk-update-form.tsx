"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { Label } from "@/components/ui/label";
import { bulkUpdateUsers } from "@/lib/jumpcloud/bulk-actions";
import { BulkCard, LineProblems, textarea } from "./bulk-card";

/** JumpCloud's own bulk update job, from pasted CSV with a header line; undone from the toast by a second job. */
export function BulkUpdateForm({ tenantId }: { tenantId: string }) {
  const { run, pending } = useRunAction();
  const router = useRouter();
  const [text, setText] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  return (
    <BulkCard
      testId="bulk-update"
      title="Update users"
      busy={pending}
      submit="Start job"
      description={
        "A header line (email, then any of firstname, lastname, displayname, department, jobTitle), then one line " +
        "per user. Empty cells are left as they are; only what differs from the last sync is sent."
      }
      onSubmit={async (e) => {
        e.preventDefault();
        const res = await run(
          bulkUpdateUsers,
          { tenantId, updates: text },
          { success: (d) => `JumpCloud started job ${d.jobId} to update ${d.count} user(s).`, undo: true },
        );
        setProblems(res.ok ? [] : (res.fieldErrors?.updates ?? []));
        if (res.ok) {
          setText("");
          router.push(`/jumpcloud/bulk?job=${res.data.jobId}`);
        }
      }}
    >
      <Label htmlFor="bulk-update-users">Users to update</Label>
      <textarea
        id="bulk-update-users"
        className={textarea}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={"email,department,jobTitle\njo.bloggs@example.com,Finance,Controller"}
      />
      <LineProblems problems={problems} testId="bulk-update-problems" />
    </BulkCard>
  );
}
