"use client";
import { Undo2 } from "lucide-react";
import { useRunAction } from "@/components/actions/use-run-action";
import { Button } from "@/components/ui/button";

/** Undo from the audit log: the same inverse action as the toast's Undo. */
export function UndoButton({ eventId, label, compact }: { eventId: string; label: string; compact?: boolean }) {
  const { undo, pending } = useRunAction();
  return (
    <Button
      size="sm"
      variant="outline"
      disabled={pending}
      onClick={() => void undo(eventId)}
      data-testid="undo-event"
      // In a table row the button says "Undo" and names what it does on hover and to screen readers.
      {...(compact ? { title: label, "aria-label": `Undo: ${label}` } : {})}
    >
      <Undo2 />
      {compact ? "Undo" : label}
    </Button>
  );
}
