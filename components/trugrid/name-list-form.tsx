"use client";
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";

/** Names typed one per line (or separated by commas), trimmed and de-duplicated. */
export function splitNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,;]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** A labelled textarea of names and a submit button; the caller runs the action and says what happened. */
export function NameListForm({
  id,
  label,
  placeholder,
  submitLabel,
  hint,
  onSubmit,
  disabled,
}: {
  id: string;
  label: string;
  placeholder?: string;
  submitLabel: string;
  hint?: ReactNode;
  onSubmit: (names: string[]) => Promise<boolean>;
  disabled?: boolean;
}) {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const names = splitNames(text);
  return (
    <form
      className="space-y-2"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!names.length || busy) return;
        setBusy(true);
        try {
          if (await onSubmit(names)) setText("");
        } finally {
          setBusy(false);
        }
      }}
    >
      <Label htmlFor={id}>{label}</Label>
      <textarea
        id={id}
        rows={3}
        value={text}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        className="w-full rounded-md border border-input bg-background px-2 py-1 font-mono text-sm"
      />
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      <Button type="submit" size="sm" disabled={!names.length || busy || disabled}>
        {busy ? "Working…" : `${submitLabel}${names.length > 1 ? ` (${names.length})` : ""}`}
      </Button>
    </form>
  );
}
