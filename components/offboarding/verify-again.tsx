"use client";
import { useRunAction } from "@/components/actions/use-run-action";
import { Button } from "@/components/ui/button";
import { verifyOffboarding } from "@/lib/offboarding/actions";

/** Reads every vendor back again: after an identity provider's own sync, or once what remained was removed by hand. */
export function VerifyAgain({ tenantId, jobId }: { tenantId: string; jobId: string }) {
  const { run, pending } = useRunAction();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      data-testid="verify-again"
      onClick={() =>
        void run(
          verifyOffboarding,
          { tenantId, jobId },
          {
            success: (c) =>
              c.remains || c.unread
                ? `Read back: ${c.remains} vendor${c.remains === 1 ? "" : "s"} with access left, ${c.unread} unread.`
                : "Read back: no access remains.",
          },
        )
      }
    >
      {pending ? "Reading every vendor…" : "Verify again"}
    </Button>
  );
}
