"use client";
import { useRunAction } from "@/components/actions/use-run-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

/** What a row's Undo needs: whether its event can still be undone (lib/bulk/undo-state.ts). */
export type RowUndo = { state: "available" | "undone" | "none"; eventId: string; label: string | null } | null;

/** One row's Undo: its registered inverse, authorised and audited like the console action. */
export function UndoStep({
  eventId,
  label,
  line,
  testId = "undo-step",
}: {
  eventId: string;
  label: string;
  line: number;
  testId?: string;
}) {
  const { undo, pending } = useRunAction();
  return (
    <Button size="sm" variant="outline" disabled={pending} data-testid={testId} onClick={() => void undo(eventId)}>
      {label}
      <span className="sr-only"> (row {line})</span>
    </Button>
  );
}

/** A succeeded row's Undo, or that it was undone; nothing for a row no undo reverses. */
export function UndoCell({
  undo,
  line,
  canUndo,
  prefix,
}: {
  undo?: RowUndo;
  line: number;
  canUndo: boolean;
  prefix: string;
}) {
  if (!undo || undo.state === "none") return null;
  if (undo.state === "undone")
    return (
      <Badge variant="outline" data-testid={`${prefix}-undone`}>
        undone
      </Badge>
    );
  return canUndo && undo.label ? (
    <UndoStep eventId={undo.eventId} label={undo.label} line={line} testId={`${prefix}-undo`} />
  ) : null;
}
