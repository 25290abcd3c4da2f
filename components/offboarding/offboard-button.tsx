"use client";
import { useRouter } from "next/navigation";
import { useRunAction } from "@/components/actions/use-run-action";
import { Button } from "@/components/ui/button";
import { planPersonOffboarding } from "@/lib/offboarding/actions";

/** Plans this person's offboarding (nothing is sent) and opens the plan to check and confirm. */
export function OffboardButton({ tenantId, personId, email }: { tenantId: string; personId: string; email: string }) {
  const router = useRouter();
  const { run, pending } = useRunAction();
  return (
    <Button
      variant="destructive"
      size="sm"
      disabled={pending}
      data-testid="offboard-person"
      onClick={async () => {
        const res = await run(
          planPersonOffboarding,
          { tenantId, personId },
          { success: "Offboarding planned: nothing is sent until you confirm it." },
        );
        if (res.ok) router.push(`/bulk/${res.data.jobId}`);
      }}
    >
      {pending ? "Planning…" : "Offboard…"}
      <span className="sr-only"> {email}: plan every vendor's steps</span>
    </Button>
  );
}
