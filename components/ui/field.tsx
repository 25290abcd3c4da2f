import type { ReactNode } from "react";
import { Label } from "./label";

/** A labelled form control with its hint and server-side errors. */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      {errors?.map((e) => (
        <p key={e} id={`${id}-error`} className="text-xs text-destructive" role="alert">
          {e}
        </p>
      ))}
    </div>
  );
}
