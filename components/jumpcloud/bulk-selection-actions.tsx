"use client";
import { useRouter } from "next/navigation";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { bulkExpirePasswords, bulkUnlockUsers } from "@/lib/jumpcloud/bulk-actions";
import type { UserRow } from "@/lib/jumpcloud/queries";

/** Selected users go to JumpCloud's bulk endpoints as one job; the bulk page follows its results. */
export function BulkSelectionActions({
  tenantId,
  users,
  clear,
}: {
  tenantId: string;
  users: UserRow[];
  clear: () => void;
}) {
  const { run } = useRunAction();
  const router = useRouter();
  const userIds = users.map((u) => u.vendorId);
  const n = users.length;
  const names =
    users
      .slice(0, 5)
      .map((u) => u.email)
      .join(", ") + (n > 5 ? ` and ${n - 5} more` : "");
  const start = async (fn: typeof bulkUnlockUsers, verb: string) => {
    const res = await run(
      fn,
      { tenantId, userIds },
      { success: (d) => `JumpCloud started job ${d.jobId} to ${verb} ${d.count} user(s).` },
    );
    if (res.ok) {
      clear();
      router.push(`/jumpcloud/bulk?job=${res.data.jobId}`);
    }
    return res.ok;
  };
  return (
    <>
      <ConfirmDialog
        title={`Unlock ${n} user(s)`}
        description="One JumpCloud bulk job clears the lockout of each selected user."
        confirmLabel={`Unlock ${n}`}
        trigger={
          <Button size="sm" variant="outline" data-testid="bulk-unlock">
            Unlock
          </Button>
        }
        onConfirm={() => start(bulkUnlockUsers, "unlock")}
      >
        {names}
      </ConfirmDialog>
      <ConfirmDialog
        title={`Expire the passwords of ${n} user(s)`}
        description="Each selected user must choose a new password at the next sign-in."
        confirmLabel={`Expire ${n}`}
        destructive
        trigger={
          <Button size="sm" variant="outline" data-testid="bulk-expire">
            Expire passwords
          </Button>
        }
        onConfirm={() => start(bulkExpirePasswords, "expire the password of")}
      >
        {names}
      </ConfirmDialog>
    </>
  );
}
