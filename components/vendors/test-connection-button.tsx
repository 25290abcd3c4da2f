"use client";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { testVendorConnection } from "@/lib/tenants/test-connection";
import type { VendorId } from "@/lib/vendors/connection-fields";

export function TestConnectionButton({ tenantId, vendor }: { tenantId: string; vendor: VendorId }) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="grid gap-1">
      <Button
        type="button"
        size="sm"
        variant="secondary"
        disabled={pending}
        className="justify-self-start"
        onClick={() =>
          start(async () => {
            const res = await testVendorConnection({ tenantId, vendor });
            const r = res.ok
              ? { ok: true, text: `${res.data.summary} (${res.data.ms} ms)` }
              : { ok: false, text: res.error };
            setResult(r);
            (r.ok ? toast.success : toast.error)(r.text);
          })
        }
      >
        {pending ? "Testing…" : "Test connection"}
      </Button>
      {result ? (
        <p
          data-testid={`test-result-${vendor}`}
          role="status"
          className={result.ok ? "text-xs text-success" : "text-xs text-destructive"}
        >
          {result.text}
        </p>
      ) : null}
    </div>
  );
}
