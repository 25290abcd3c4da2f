"use client";
import { type ReactNode, useRef, useState } from "react";
import { ConfirmReasonField } from "@/components/change-reason/reason-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/**
 * Asks before a change runs, saying exactly what will happen and to how many
 * rows. With `typeToConfirm`, the button stays disabled until that exact text
 * (a domain name, a row count) is typed: for changes that reach a whole
 * domain or cannot be undone.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  children,
  confirmLabel = "Confirm",
  destructive = false,
  typeToConfirm,
  onConfirm,
  open: openProp,
  onOpenChange,
  reason = true,
  reasonHint,
}: {
  trigger?: ReactNode;
  title: string;
  description?: string;
  children?: ReactNode;
  confirmLabel?: string;
  destructive?: boolean;
  typeToConfirm?: string;
  /** Resolve true to close the dialog; false keeps it open (the action failed and said why). */
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that returns nothing is allowed, and closes the dialog
  onConfirm: () => Promise<boolean | void> | boolean | void;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Asks for the change's reason or ticket number (false where nothing at a vendor or in a tenant changes). */
  reason?: boolean;
  reasonHint?: string;
}) {
  const [openState, setOpenState] = useState(false);
  const open = openProp ?? openState;
  const setOpen = (o: boolean) => {
    setOpenState(o);
    onOpenChange?.(o);
    if (!o) setTyped("");
  };
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const ready = !typeToConfirm || typed.trim() === typeToConfirm;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
      <DialogContent
        title={title}
        description={description}
        onOpenAutoFocus={(e) => {
          // The reason field is not where the focus starts, unless it must be filled: typing over a ticket number
          // already there would lose it. The focus goes where it went before the field was added.
          const form = formRef.current;
          const field = form?.querySelector<HTMLInputElement>('[data-testid="confirm-reason"]');
          if (!form || !field) return;
          e.preventDefault();
          const first = [...form.querySelectorAll<HTMLElement>("input, select, textarea, button")].find(
            (el) => el !== field && !el.hasAttribute("disabled"),
          );
          (field.required && !field.value ? field : first)?.focus();
        }}
      >
        <form
          ref={formRef}
          className="space-y-4"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!ready || busy) return;
            setBusy(true);
            try {
              if ((await onConfirm()) !== false) setOpen(false);
            } finally {
              setBusy(false);
            }
          }}
        >
          {children ? <div className="text-sm">{children}</div> : null}
          {reason ? <ConfirmReasonField hint={reasonHint} /> : null}
          {typeToConfirm ? (
            <div className="space-y-1">
              <Label htmlFor="confirm-text">
                Type <strong className="font-mono">{typeToConfirm}</strong> to confirm
              </Label>
              <Input
                id="confirm-text"
                autoComplete="off"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                data-testid="confirm-text"
              />
            </div>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant={destructive ? "destructive" : "default"}
              disabled={!ready || busy}
              data-testid="confirm-button"
            >
              {busy ? "Working…" : confirmLabel}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
