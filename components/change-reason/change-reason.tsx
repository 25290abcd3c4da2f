"use client";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { CHANGE_REASON_FIELD } from "@/lib/actions/change-reason";
import type { Result } from "@/lib/actions/result";

const STORAGE_KEY = "console.changeReason";

interface ChangeReasonState {
  /** The reason or ticket number the staff member is working under ("" for none). */
  reason: string;
  setReason: (reason: string) => void;
  /** Whether the current tenant asks for a reason with every change. */
  required: boolean;
  /** Moves the focus to the reason field (after a change was refused for want of one). */
  focus: () => void;
  inputRef: React.RefObject<HTMLInputElement | null>;
}

const NONE: ChangeReasonState = {
  reason: "",
  setReason: () => {},
  required: false,
  focus: () => {},
  inputRef: { current: null },
};

const Context = createContext<ChangeReasonState>(NONE);

/**
 * The reason a staff member gives for the changes they make: typed once in the header (a ticket number, usually) and
 * sent with every change from this tab until it is cleared. Kept in the tab's session storage, so a reload keeps it
 * and another tab, working another ticket, has its own.
 */
export function ChangeReasonProvider({ required, children }: { required: boolean; children: ReactNode }) {
  const [reason, setState] = useState("");
  const inputRef = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    setState(sessionStorage.getItem(STORAGE_KEY) ?? "");
  }, []);
  const setReason = useCallback((next: string) => {
    setState(next);
    if (next.trim()) sessionStorage.setItem(STORAGE_KEY, next);
    else sessionStorage.removeItem(STORAGE_KEY);
  }, []);
  const focus = useCallback(() => inputRef.current?.focus(), []);
  const value = useMemo(() => ({ reason, setReason, required, focus, inputRef }), [reason, setReason, required, focus]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useChangeReason(): ChangeReasonState {
  return useContext(Context);
}

/**
 * The input of a server action with the reason beside it (the action wrapper takes it out before the action's own
 * schema sees the input). A form's own reason field, when it has one, wins.
 */
function withChangeReason<I>(input: I, reason: string): I {
  const given = reason.trim();
  if (!given) return input;
  if (input instanceof FormData) {
    if (!String(input.get(CHANGE_REASON_FIELD) ?? "").trim()) input.set(CHANGE_REASON_FIELD, given);
    return input;
  }
  if (input && typeof input === "object" && !Array.isArray(input)) {
    const own = (input as Record<string, unknown>)[CHANGE_REASON_FIELD];
    return typeof own === "string" && own.trim() ? input : { ...input, [CHANGE_REASON_FIELD]: given };
  }
  return input;
}

/** Whether a refused call wants a reason (the tenant requires one, or the one given was not accepted). */
function asksForReason(res: { ok: boolean; fieldErrors?: Record<string, string[]> }): boolean {
  return !res.ok && Boolean(res.fieldErrors?.[CHANGE_REASON_FIELD]?.length);
}

/**
 * Calls a server action with the tab's reason beside its input; a refusal for want of one moves the focus to the
 * header's field. The one way the browser calls an action (useRunAction, useActionForm, the dialogs that call one
 * directly), so that no change leaves without the reason.
 */
export function useSendWithReason() {
  const { reason, focus } = useChangeReason();
  return useCallback(
    async <I, T>(fn: (input: I) => Promise<Result<T>>, input: I): Promise<Result<T>> => {
      const res = await fn(withChangeReason(input, reason));
      if (asksForReason(res)) focus();
      return res;
    },
    [reason, focus],
  );
}
