"use client";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { toast } from "sonner";
import { useSendWithReason } from "@/components/change-reason/change-reason";
import type { Result } from "@/lib/actions/result";
import { undoAuditEvent } from "@/lib/undo/actions";

export interface RunOptions<T> {
  /** The toast on success, usually carrying the vendor's own message. */
  success: string | ((data: T) => string);
  /** Offer Undo in the toast (the action must have an inverse in lib/undo/registry.ts). */
  undo?: boolean;
}

/**
 * Runs a wrapped server action from a button: a toast with the outcome (and
 * Undo when the action can be reversed), then a refresh of the page's server
 * data so the cache-backed tables show the change.
 */
export function useRunAction() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  // Every change carries the reason typed in the header (lib/actions/change-reason.ts).
  const send = useSendWithReason();

  const undo = useCallback(
    async (eventId: string) => {
      setPending(true);
      try {
        const res = await send(undoAuditEvent, { eventId });
        if (res.ok) toast.success("Undone.");
        else toast.error(res.error);
        router.refresh();
      } catch {
        toast.error("The console could not be reached. Check your connection and try again.");
      } finally {
        setPending(false);
      }
    },
    [router, send],
  );

  const run = useCallback(
    async <I, T>(fn: (input: I) => Promise<Result<T>>, input: I, opts: RunOptions<T>): Promise<Result<T>> => {
      setPending(true);
      try {
        const res = await send(fn, input);
        if (res.ok) {
          const msg = typeof opts.success === "function" ? opts.success(res.data) : opts.success;
          const eventId = res.eventId;
          toast.success(
            msg,
            opts.undo && eventId
              ? { duration: 15_000, action: { label: "Undo", onClick: () => void undo(eventId) } }
              : undefined,
          );
        } else {
          toast.error(res.error);
        }
        router.refresh();
        return res;
      } catch {
        toast.error("The console could not be reached. Check your connection and try again.");
        return { ok: false, error: "network" };
      } finally {
        setPending(false);
      }
    },
    [router, undo, send],
  );

  return { run, undo, pending };
}
