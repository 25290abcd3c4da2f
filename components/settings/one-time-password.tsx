"use client";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** A generated password, shown once: it is stored only as a hash. */
export function OneTimePassword({ password }: { password: string }) {
  return (
    <div role="status" className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">
      <p>Generated password, shown only now: hand it over securely.</p>
      <div className="mt-2 flex items-center gap-2">
        <code data-testid="generated-password" className="rounded bg-muted px-2 py-1 font-mono">
          {password}
        </code>
        <Button
          type="button"
          size="sm"
          variant="outline"
          onClick={() => navigator.clipboard.writeText(password).then(() => toast.success("Copied."))}
        >
          Copy
        </Button>
      </div>
    </div>
  );
}
