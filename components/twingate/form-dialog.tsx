"use client";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { toast } from "sonner";
import { useRunAction } from "@/components/actions/use-run-action";
import { useSendWithReason } from "@/components/change-reason/change-reason";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { Result } from "@/lib/actions/result";

/**
 * A dialog holding a small form whose fields go to one wrapped action as
 * FormData (plus fixed `extra` values): the vendor's message as a toast,
 * field errors beside the fields, the page refreshed on success.
 */
export function FormDialog<T>({
  trigger,
  title,
  description,
  action,
  extra = {},
  submitLabel,
  success,
  onDone,
  children,
  testId,
  undo: offerUndo = false,
}: {
  trigger: ReactNode;
  title: string;
  description?: string;
  action: (input: FormData) => Promise<Result<T>>;
  extra?: Record<string, string>;
  submitLabel: string;
  success: string | ((data: T) => string);
  /** Called with the result data; return true to keep the dialog open (to show something once, such as a token). */
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that returns nothing is allowed, and closes the dialog
  onDone?: (data: T) => boolean | void;
  children: ReactNode | ((errors: Record<string, string[]>) => ReactNode);
  testId?: string;
  /** The toast offers Undo (the action's registered inverse) for 15 seconds. */
  undo?: boolean;
}) {
  const router = useRouter();
  const { undo } = useRunAction();
  const send = useSendWithReason();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setErrors({});
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description}>
        <form
          className="grid gap-3"
          data-testid={testId}
          onSubmit={async (e) => {
            e.preventDefault();
            if (busy) return;
            const fd = new FormData(e.currentTarget);
            for (const [k, v] of Object.entries(extra)) fd.set(k, v);
            setBusy(true);
            try {
              const res = await send(action, fd);
              if (res.ok) {
                const eventId = res.eventId;
                toast.success(
                  typeof success === "function" ? success(res.data) : success,
                  offerUndo && eventId
                    ? { duration: 15_000, action: { label: "Undo", onClick: () => void undo(eventId) } }
                    : undefined,
                );
                setErrors({});
                const keep = onDone?.(res.data);
                if (!keep) setOpen(false);
                router.refresh();
              } else {
                setErrors(res.fieldErrors ?? {});
                toast.error(res.error);
              }
            } catch {
              toast.error("The console could not be reached. Check your connection and try again.");
            } finally {
              setBusy(false);
            }
          }}
        >
          {typeof children === "function" ? children(errors) : children}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={busy} data-testid="form-submit">
              {busy ? "Working…" : submitLabel}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
