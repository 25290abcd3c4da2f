"use client";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { revokeApiToken } from "@/lib/api-tokens/actions";

/** Revokes a token at once: the next request with it is refused. */
export function RevokeApiToken({ tokenId, name }: { tokenId: string; name: string }) {
  const { run } = useRunAction();
  return (
    <ConfirmDialog
      reason={false}
      trigger={
        <Button size="sm" variant="outline" aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      }
      title={`Revoke the token ${name}?`}
      description="Scripts using it are refused from their next request. A revoked token cannot be used again."
      confirmLabel="Revoke"
      destructive
      onConfirm={async () => (await run(revokeApiToken, { tokenId }, { success: `${name} is revoked.` })).ok}
    />
  );
}
