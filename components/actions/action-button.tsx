"use client";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import type { Result } from "@/lib/actions/result";

/**
 * A button that runs one wrapped server action with a fixed input, for
 * server-rendered pages: optionally asks first (saying what will happen),
 * then toasts the outcome (with Undo when the action has an inverse).
 */
export function ActionButton<I>({
  action,
  input,
  label,
  success,
  confirm,
  undo,
  variant = "outline",
  testId,
  ariaLabel,
  then,
}: {
  action: (input: I) => Promise<Result<unknown>>;
  input: I;
  label: string;
  success: string;
  confirm?: {
    title: string;
    description?: string;
    body?: ReactNode;
    confirmLabel?: string;
    typeToConfirm?: string;
    destructive?: boolean;
  };
  undo?: boolean;
  variant?: "outline" | "ghost" | "destructive" | "default" | "secondary";
  testId?: string;
  ariaLabel?: string;
  /** Where to go once it succeeded: the list, when the page's own object is gone. */
  then?: string;
}) {
  const { run, pending } = useRunAction();
  const router = useRouter();
  const go = async () => {
    const ok = (await run(action, input, { success, undo })).ok;
    if (ok && then) router.push(then);
    return ok;
  };
  const button = (
    <Button
      size="sm"
      variant={variant}
      disabled={pending}
      data-testid={testId}
      aria-label={ariaLabel}
      onClick={confirm ? undefined : () => void go()}
    >
      {label}
    </Button>
  );
  if (!confirm) return button;
  return (
    <ConfirmDialog
      trigger={button}
      title={confirm.title}
      description={confirm.description}
      confirmLabel={confirm.confirmLabel ?? label}
      typeToConfirm={confirm.typeToConfirm}
      destructive={confirm.destructive}
      onConfirm={go}
    >
      {confirm.body}
    </ConfirmDialog>
  );
}
