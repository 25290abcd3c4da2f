"use client";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** A generated password, shown once: it is stored only as a hash. */
export function OneTimePassword({ password }: { password: string }) {
  return (
    <OneTimeSecret
      secret={password}
      says="Generated password, shown only now: hand it over securely."
      testId="generated-password"
    />
  );
}

/** A secret shown once (a password, an API token): it is stored only as a hash. */
export function OneTimeSecret({ secret, says, testId }: { secret: string; says: string; testId: string }) {
  return (
    <div role="status" className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">
      <p>{says}</p>
      <div className="mt-2 flex items-center gap-2">
        <code data-testid={testId} className="rounded bg-muted px-2 py-1 font-mono break-all">
          {secret}
        </code>
        <Button
          type="button"
          size="sm"
          variant="outline"
          onClick={() => navigator.clipboard.writeText(secret).then(() => toast.success("Copied."))}
        >
          Copy
        </Button>
      </div>
    </div>
  );
}
