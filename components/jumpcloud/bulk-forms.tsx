"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { useTimeZone } from "@/components/ui/time-zone";
import { dateTimeWithZone } from "@/lib/format/date-time";
import {
  bulkCreateUsers,
  bulkExpirePasswords,
  bulkUnlockUsers,
  scheduleUserStates,
} from "@/lib/jumpcloud/bulk-actions";
import { BulkCard, LineProblems, textarea } from "./bulk-card";
import { BulkUpdateForm } from "./bulk-update-form";

const count = (text: string) => text.split(/[\s,;]+/).filter(Boolean).length;

/** The four JumpCloud bulk endpoints; each starts one job at JumpCloud and follows its results below. */
export function BulkForms({ tenantId }: { tenantId: string }) {
  const { run, pending } = useRunAction();
  const timeZone = useTimeZone();
  const router = useRouter();
  const [newUsers, setNewUsers] = useState("");
  // The lines of the pasted CSV that cannot be read, each with its line: the toast alone would not say which.
  const [newUsersProblems, setNewUsersProblems] = useState<string[]>([]);
  const [unlock, setUnlock] = useState("");
  const [expire, setExpire] = useState("");
  const [states, setStates] = useState("");
  const [state, setState] = useState<"SUSPENDED" | "ACTIVATED">("SUSPENDED");
  const [when, setWhen] = useState("");
  const [emails, setEmails] = useState(false);
  const follow = (jobId: string) => router.push(`/jumpcloud/bulk?job=${jobId}`);

  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <BulkCard
        testId="bulk-create"
        title="Create users"
        busy={pending}
        submit="Start job"
        description={
          "One line per user: email,username,firstname,lastname. JumpCloud gives them the organisation's default " +
          "state for imports."
        }
        onSubmit={async (e) => {
          e.preventDefault();
          const res = await run(
            bulkCreateUsers,
            { tenantId, users: newUsers },
            { success: (d) => `JumpCloud started job ${d.jobId} to create ${d.count} user(s).` },
          );
          setNewUsersProblems(res.ok ? [] : (res.fieldErrors?.users ?? []));
          if (res.ok) {
            setNewUsers("");
            follow(res.data.jobId);
          }
        }}
      >
        <Label htmlFor="bulk-create-users">Users</Label>
        <textarea
          id="bulk-create-users"
          className={textarea}
          value={newUsers}
          onChange={(e) => setNewUsers(e.target.value)}
          placeholder="jo.bloggs@example.com,jbloggs,Jo,Bloggs"
        />
        <LineProblems problems={newUsersProblems} testId="bulk-create-problems" />
      </BulkCard>
      <BulkUpdateForm tenantId={tenantId} />
      <BulkCard
        testId="bulk-states"
        title="Schedule a state change"
        busy={pending}
        submit="Schedule"
        description="JumpCloud suspends or activates these users at the given time (for leavers and joiners)."
        onSubmit={async (e) => {
          e.preventDefault();
          const startDate = when ? new Date(when).toISOString() : "";
          const res = await run(
            scheduleUserStates,
            { tenantId, emails: states, state, startDate, sendActivationEmails: emails },
            {
              success: (d) =>
                `JumpCloud scheduled ${d.count} user(s) to become ${state.toLowerCase()} at ` +
                `${d.scheduledDate ? dateTimeWithZone(d.scheduledDate, timeZone) : "the given time"}.`,
              undo: true,
            },
          );
          if (res.ok) setStates("");
        }}
      >
        <Label htmlFor="bulk-states-users">Emails ({count(states)})</Label>
        <textarea
          id="bulk-states-users"
          className={textarea}
          value={states}
          onChange={(e) => setStates(e.target.value)}
        />
        <div className="flex flex-wrap items-end gap-3">
          <div className="grid gap-1">
            <Label htmlFor="bulk-states-state">New state</Label>
            <Select
              id="bulk-states-state"
              value={state}
              onChange={(e) => setState(e.target.value as "SUSPENDED" | "ACTIVATED")}
              className="w-40"
            >
              <option value="SUSPENDED">Suspended</option>
              <option value="ACTIVATED">Activated</option>
            </Select>
          </div>
          <div className="grid gap-1">
            <Label htmlFor="bulk-states-when">At (your local time)</Label>
            <Input
              id="bulk-states-when"
              type="datetime-local"
              value={when}
              onChange={(e) => setWhen(e.target.value)}
              required
              className="w-56"
            />
          </div>
          {state === "ACTIVATED" ? (
            <label className="flex items-center gap-2 pb-2 text-sm">
              <input
                type="checkbox"
                className="size-4"
                checked={emails}
                onChange={(e) => setEmails(e.target.checked)}
              />
              Send activation emails
            </label>
          ) : null}
        </div>
      </BulkCard>
      <BulkCard
        testId="bulk-unlock"
        title="Unlock users"
        busy={pending}
        submit={`Unlock ${count(unlock) || ""}`.trim()}
        description="Emails, one per line (or select users in the Users table)."
        onSubmit={async (e) => {
          e.preventDefault();
          const res = await run(
            bulkUnlockUsers,
            { tenantId, emails: unlock },
            { success: (d) => `JumpCloud started job ${d.jobId} to unlock ${d.count} user(s).` },
          );
          if (res.ok) {
            setUnlock("");
            follow(res.data.jobId);
          }
        }}
      >
        <Label htmlFor="bulk-unlock-users">Emails</Label>
        <textarea
          id="bulk-unlock-users"
          className={textarea}
          value={unlock}
          onChange={(e) => setUnlock(e.target.value)}
        />
      </BulkCard>
      <BulkCard
        testId="bulk-expire"
        title="Expire passwords"
        busy={pending}
        submit={`Expire ${count(expire) || ""}`.trim()}
        description="Each user must choose a new password at the next sign-in."
        onSubmit={async (e) => {
          e.preventDefault();
          const res = await run(
            bulkExpirePasswords,
            { tenantId, emails: expire },
            { success: (d) => `JumpCloud started job ${d.jobId} to expire ${d.count} password(s).` },
          );
          if (res.ok) {
            setExpire("");
            follow(res.data.jobId);
          }
        }}
      >
        <Label htmlFor="bulk-expire-users">Emails</Label>
        <textarea
          id="bulk-expire-users"
          className={textarea}
          value={expire}
          onChange={(e) => setExpire(e.target.value)}
        />
      </BulkCard>
    </div>
  );
}
