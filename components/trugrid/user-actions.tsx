"use client";
import { ChevronDown } from "lucide-react";
import { DropdownMenu as M } from "radix-ui";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import type { Result } from "@/lib/actions/result";
import type { BulkOutcome } from "@/lib/trugrid/item-outcome";
import { resetMfa, turnOffMfa, turnOnMfa } from "@/lib/trugrid/mfa-actions";
import { disableUdp, enableUdp } from "@/lib/trugrid/udp-actions";
import type { ShownResult } from "./item-results";

type Kind = "mfa-on" | "mfa-off" | "reset" | "reset-phone" | "udp-on" | "udp-off";

const KINDS: Record<
  Kind,
  { label: string; title: string; says: (n: string) => string; undo: boolean; destructive?: boolean }
> = {
  "mfa-on": {
    label: "Turn MFA on",
    title: "Turn MFA on",
    says: (n) => `TruGrid will require MFA at sign-in for ${n}.`,
    undo: true,
  },
  "mfa-off": {
    label: "Turn MFA off",
    title: "Turn MFA off",
    says: (n) =>
      `TruGrid will stop asking ${n} for MFA. TruGrid refuses this for users with its Admin role and says so per user.`,
    undo: true,
    destructive: true,
  },
  reset: {
    label: "Reset MFA…",
    title: "Reset MFA",
    says: (n) =>
      `${n} will enrol MFA again at next sign-in; the phone number is kept. ` +
      `This cannot be undone. ` +
      `TruGrid refuses it where MFA is not set up or is turned off.`,
    undo: false,
    destructive: true,
  },
  "reset-phone": {
    label: "Reset MFA and phone…",
    title: "Reset MFA and phone number",
    says: (n) =>
      `${n} will enrol MFA again and enter a phone number at next sign-in. ` +
      `This cannot be undone. ` +
      `TruGrid refuses it where MFA is not set up or is turned off.`,
    undo: false,
    destructive: true,
  },
  "udp-on": {
    label: "Turn UDP on",
    title: "Turn RDP over UDP on",
    says: (n) => `RDP sessions of ${n} will be allowed to use UDP transport.`,
    undo: true,
  },
  "udp-off": {
    label: "Turn UDP off",
    title: "Turn RDP over UDP off",
    says: (n) => `RDP sessions of ${n} will use TCP only.`,
    undo: true,
  },
};

/** The action for a kind, with its input (the reason rides along in it: lib/actions/change-reason.ts). */
function call(kind: Kind, input: { tenantId: string; upns: string[] }): Promise<Result<BulkOutcome>> {
  switch (kind) {
    case "mfa-on":
      return turnOnMfa(input);
    case "mfa-off":
      return turnOffMfa(input);
    case "reset":
      return resetMfa({ ...input, resetPhone: false });
    case "reset-phone":
      return resetMfa({ ...input, resetPhone: true });
    case "udp-on":
      return enableUdp(input);
    case "udp-off":
      return disableUdp(input);
  }
}

/** MFA and UDP actions for one user (a row) or the selected users; each asks first, naming who and how many. */
export function UserActions({
  tenantId,
  upns,
  label,
  onResult,
  onDone,
}: {
  tenantId: string;
  upns: string[];
  label: string;
  onResult: (r: ShownResult) => void;
  onDone?: () => void;
}) {
  const { run, pending } = useRunAction();
  const [kind, setKind] = useState<Kind | null>(null);
  const [only] = upns;
  const who = upns.length === 1 && only ? only : `these ${upns.length} users`;
  const k = kind ? KINDS[kind] : null;
  return (
    <>
      <M.Root>
        <M.Trigger asChild>
          <Button variant="outline" size="sm" aria-label={label} disabled={pending}>
            {upns.length === 1 ? "Actions" : "Act on selected"}
            <ChevronDown />
          </Button>
        </M.Trigger>
        <M.Portal>
          <M.Content align="end" className="z-50 min-w-48 rounded-md border bg-card p-1 text-sm shadow-md">
            {(Object.keys(KINDS) as Kind[]).map((key) => (
              <M.Item
                key={key}
                onSelect={() => setKind(key)}
                className="cursor-default rounded px-2 py-1.5 outline-none data-[highlighted]:bg-accent"
              >
                {KINDS[key].label}
              </M.Item>
            ))}
          </M.Content>
        </M.Portal>
      </M.Root>
      {k && kind ? (
        <ConfirmDialog
          open
          onOpenChange={(o) => {
            if (!o) setKind(null);
          }}
          title={`${k.title} for ${upns.length === 1 && only ? only : `${upns.length} users`}`}
          confirmLabel={k.title}
          destructive={k.destructive}
          onConfirm={async () => {
            const res = await run(
              (input: { tenantId: string; upns: string[] }) => call(kind, input),
              { tenantId, upns },
              { success: (d) => d.message, undo: k.undo },
            );
            if (res.ok) onResult({ title: `${k.title}: TruGrid's answer`, items: res.data.items });
            else
              onResult({
                title: `${k.title}: refused`,
                items: [
                  { item: upns.length === 1 && only ? only : `${upns.length} users`, status: res.error, ok: false },
                ],
              });
            onDone?.();
            return true;
          }}
        >
          <p>{k.says(who)}</p>
          {upns.length > 1 ? (
            <p className="mt-2 max-h-32 overflow-auto font-mono text-xs text-muted-foreground">{upns.join(", ")}</p>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
