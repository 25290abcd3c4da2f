"use client";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { toast } from "sonner";
import { useSendWithReason } from "@/components/change-reason/change-reason";
import type { Result } from "@/lib/actions/result";

/**
 * Binds a wrapped server action to a <form>: the result's error becomes a
 * toast and its field errors stay in state for the fields to show; on success
 * the page's server data is refreshed.
 */
export function useActionForm<T>(
  run: (input: FormData) => Promise<Result<T>>,
  opts: { success?: string | ((data: T) => string); onSuccess?: (data: T) => void } = {},
) {
  const router = useRouter();
  // Every change carries the reason typed in the header (lib/actions/change-reason.ts).
  const send = useSendWithReason();
  return useActionState(async (_prev: Result<T> | null, form: FormData) => {
    const res = await send(run, form);
    if (res.ok) {
      const msg = typeof opts.success === "function" ? opts.success(res.data) : opts.success;
      if (msg) toast.success(msg);
      opts.onSuccess?.(res.data);
      router.refresh();
    } else {
      toast.error(res.error);
    }
    return res;
  }, null);
}

export function fieldErrors<T>(state: Result<T> | null, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}
