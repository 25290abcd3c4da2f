"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInWithPassword, signInWithSso } from "@/lib/auth/sign-in-actions";

export function LoginForm({ next, sso, ssoError }: { next: string; sso: { name: string } | null; ssoError?: string }) {
  const [state, formAction, pending] = useActionState(signInWithPassword, undefined);
  const error = state?.error ?? ssoError;
  return (
    <div className="mt-6 grid gap-4">
      <form action={formAction} className="grid gap-4">
        <input type="hidden" name="next" value={next} />
        <Field id="email" label="Email">
          <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
        </Field>
        <Field id="password" label="Password">
          <Input id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        {error ? (
          <p role="alert" data-testid="login-error" className="text-sm text-destructive">
            {error}
          </p>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {sso ? (
        <form action={signInWithSso}>
          <input type="hidden" name="next" value={next} />
          <Button type="submit" variant="outline" className="w-full">
            Sign in with {sso.name}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
