import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

/** The centred card of the sign-in steps after the password. */
export function SignInFrame({
  title,
  description,
  wide,
  children,
}: {
  title: string;
  description: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className={cn("w-full rounded-lg border bg-card p-8 shadow-sm", wide ? "max-w-xl" : "max-w-sm")}>
        <h1 className="text-xl font-semibold">{title}</h1>
        <div className="mt-1 text-sm text-muted-foreground">{description}</div>
        {children}
      </div>
    </main>
  );
}
