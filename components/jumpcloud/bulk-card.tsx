import type { FormEvent, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";

// The JumpCloud bulk page's forms share a card (each starts one job) and the list of pasted lines it cannot read.

export const textarea = "min-h-28 w-full rounded-md border border-input bg-background px-3 py-2 font-mono text-xs";

export function BulkCard({
  title,
  description,
  children,
  onSubmit,
  submit,
  testId,
  busy,
}: {
  title: string;
  description: string;
  children: ReactNode;
  onSubmit: (e: FormEvent) => void;
  submit: string;
  testId: string;
  busy: boolean;
}) {
  return (
    <Card data-testid={testId}>
      <CardTitle>{title}</CardTitle>
      <CardDescription>{description}</CardDescription>
      <form className="mt-3 space-y-3" onSubmit={onSubmit}>
        {children}
        <Button type="submit" disabled={busy}>
          {submit}
        </Button>
      </form>
    </Card>
  );
}

/** The lines of pasted CSV that cannot be read, each with its line: the toast alone would not say which. */
export function LineProblems({ problems, testId }: { problems: string[]; testId: string }) {
  if (!problems.length) return null;
  return (
    <ul
      className="list-disc space-y-1 rounded-md border border-destructive/50 bg-destructive/10 p-3 pl-6 text-sm"
      role="alert"
      data-testid={testId}
    >
      {problems.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
