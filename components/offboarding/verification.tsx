import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { When } from "@/components/ui/when";
import type { VendorVerdict, Verification } from "@/lib/offboarding/verify";
import { VENDOR_LABEL } from "@/lib/vendors/connection-fields";
import { VerifyAgain } from "./verify-again";

const STATUS: Record<
  VendorVerdict["status"],
  { label: string; variant: "success" | "warning" | "destructive" | "outline" }
> = {
  clear: { label: "No access remains", variant: "success" },
  remains: { label: "Access remains", variant: "destructive" },
  unread: { label: "Could not be read", variant: "warning" },
  not_connected: { label: "Not connected", variant: "outline" },
};

function VendorLine({ v }: { v: VendorVerdict }) {
  const s = STATUS[v.status];
  return (
    <li className="py-1.5" data-testid={`verdict-${v.vendor}`} data-status={v.status}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="w-24 font-medium">{VENDOR_LABEL[v.vendor]}</span>
        <Badge variant={s.variant}>{s.label}</Badge>
        {v.read ? <span className="text-xs text-muted-foreground">Read: {v.read}.</span> : null}
      </div>
      {v.error ? <p className="mt-1 pl-26 text-sm text-destructive">{v.error}</p> : null}
      {v.remains.length ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-30 text-sm">
          {v.remains.map((r) => (
            <li key={r.what}>
              {r.what}
              {r.why ? <span className="text-muted-foreground"> {r.why}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {v.notes.map((n) => (
        <p key={n} className="mt-0.5 pl-26 text-xs text-muted-foreground">
          {n}
        </p>
      ))}
    </li>
  );
}

/** The read-back after the steps: per person, per vendor, that no access remains, or exactly what does and why. */
export function OffboardingVerification({
  tenantId,
  jobId,
  verification,
  canVerify,
}: {
  tenantId: string;
  jobId: string;
  verification: Verification | null;
  canVerify: boolean;
}) {
  return (
    <Card className="mb-4" data-testid="verification">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <CardTitle>Verification</CardTitle>
        {canVerify ? <VerifyAgain tenantId={tenantId} jobId={jobId} /> : null}
      </div>
      {verification ? (
        <>
          <p className="mt-1 text-sm text-muted-foreground">
            Every vendor read back <When at={verification.at} />, after the steps.
          </p>
          {verification.people.map((p) => (
            <section key={p.person} className="mt-3">
              <h3 className="text-sm font-semibold">{p.person}</h3>
              <ul className="divide-y text-sm">
                {p.vendors.map((v) => (
                  <VendorLine key={v.vendor} v={v} />
                ))}
              </ul>
            </section>
          ))}
        </>
      ) : (
        <p className="mt-1 text-sm text-muted-foreground">
          Once the steps have run, every vendor is read back here to show that no access remains.
        </p>
      )}
    </Card>
  );
}
