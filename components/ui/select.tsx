import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

/** A styled native select: keyboard, screen-reader and form behaviour come from the browser. */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "flex h-9 w-full rounded-md border border-input bg-background px-2 py-1 text-sm disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
