"use client";
import { Ticket, X } from "lucide-react";
import { CHANGE_REASON_MAX } from "@/lib/actions/change-reason";
import { cn } from "@/lib/ui/cn";
import { useChangeReason } from "./change-reason";

/** An input bound to the tab's reason: both fields edit the one value. */
function useBoundReason() {
  const { reason, setReason } = useChangeReason();
  return {
    type: "text",
    value: reason,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setReason(e.target.value),
    maxLength: CHANGE_REASON_MAX,
  } as const;
}

/**
 * The header's reason or ticket number, sent with every change made from this tab. Marked when the current tenant
 * requires one and it is empty.
 */
export function ReasonField() {
  const { reason, setReason, required, inputRef } = useChangeReason();
  const missing = required && !reason.trim();
  const bound = useBoundReason();
  return (
    <div className="relative flex items-center" data-testid="change-reason">
      <Ticket className="pointer-events-none absolute left-2 size-4 text-muted-foreground" aria-hidden />
      <input
        ref={inputRef}
        {...bound}
        placeholder={required ? "Reason (required)" : "Reason or ticket"}
        aria-label="Reason or ticket number for your changes"
        aria-invalid={missing || undefined}
        title="Sent with every change you make from this tab and kept in the audit log. Clear it when the work is done."
        className={cn(
          "h-8 w-32 rounded-md border border-input bg-background pl-7 text-sm shadow-xs lg:w-52",
          "placeholder:text-muted-foreground aria-invalid:border-warning",
          reason ? "pr-7" : "pr-2",
        )}
      />
      {reason ? (
        <button
          type="button"
          onClick={() => {
            setReason("");
            inputRef.current?.focus();
          }}
          className={
            "absolute right-1 grid size-6 place-items-center rounded text-muted-foreground hover:text-foreground"
          }
          aria-label="Clear the reason"
        >
          <X className="size-3.5" />
        </button>
      ) : null}
    </div>
  );
}

/** The same reason as a labelled field in a confirmation: whatever is typed here is the header's reason too. */
export function ConfirmReasonField({
  id = "change-reason-confirm",
  hint = "Kept in the audit log with this change.",
}: {
  id?: string;
  hint?: string;
}) {
  const { required } = useChangeReason();
  const bound = useBoundReason();
  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        Reason or ticket number{required ? "" : " (optional)"}
      </label>
      <input
        id={id}
        {...bound}
        required={required}
        placeholder="e.g. INC-1042, leaver"
        className="h-9 w-full max-w-sm rounded-md border border-input bg-background px-3 text-sm shadow-xs"
        data-testid="confirm-reason"
      />
      <p className="text-xs text-muted-foreground">{hint}</p>
    </div>
  );
}
