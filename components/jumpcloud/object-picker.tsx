"use client";
import { useEffect, useId, useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { LookupKind } from "@/lib/jumpcloud/queries";

export interface Picked {
  id: string;
  label: string;
}

/**
 * A text box that suggests JumpCloud objects from the cache as you type (a
 * native datalist, so it works from the keyboard); choosing a suggestion
 * picks that object's id.
 */
export function ObjectPicker({
  kind,
  label,
  onPick,
  testId,
}: {
  kind: LookupKind;
  label: string;
  onPick: (p: Picked | null) => void;
  testId?: string;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const [options, setOptions] = useState<{ id: string; label: string; detail: string }[]>([]);
  useEffect(() => {
    const ctl = new AbortController();
    const t = setTimeout(() => {
      fetch(`/jumpcloud/lookup?kind=${kind}&q=${encodeURIComponent(text)}`, { signal: ctl.signal })
        .then((r) => (r.ok ? r.json() : []))
        .then(setOptions)
        .catch(() => {});
    }, 200);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [kind, text]);
  useEffect(() => {
    const match = options.find((o) => o.label === text);
    onPick(match ? { id: match.id, label: match.label } : null);
  }, [text, options, onPick]);
  return (
    <div className="grid gap-1">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        list={`${id}-list`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        className="w-72"
        data-testid={testId}
      />
      <datalist id={`${id}-list`}>
        {options.map((o) => (
          <option key={o.id} value={o.label}>
            {o.detail}
          </option>
        ))}
      </datalist>
    </div>
  );
}
