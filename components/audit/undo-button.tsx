"use client";
import { Undo2 } from "lucide-react";
import { useRunAction } from "@/components/actions/use-run-action";
import { Button } from "@/components/ui/button";

/** Undo from the audit log: the same inverse action as the toast's Undo. */
export function UndoButton({ eventId, label }: { eventId: string; label: string }) {
  const { undo, pending } = useRunAction();
  return (
    <Button size="sm" variant="outline" disabled={pending} onClick={() => void undo(eventId)} data-testid="undo-event">
      <Undo2 />
      {label}
    </Button>
  );
}
