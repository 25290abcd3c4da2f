"use client";
import { useRouter } from "next/navigation";
import { type ReactNode, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { Result } from "@/lib/actions/result";

/**
 * A change to how one signs in, behind the password: the dialog asks for it
 * (with any other fields), runs the action, and then either closes with a
 * toast or shows what the action returned (a QR code, recovery codes) until
 * closed. The page's data is refreshed when it closes, not before, so that
 * what it shows is not swept away by the refresh.
 */
export function ReauthDialog<T>({
  trigger,
  title,
  description,
  confirmLabel,
  destructive,
  fields,
  run,
  success,
  result,
  testId,
}: {
  trigger: ReactNode;
  title: string;
  description: string;
  confirmLabel: string;
  destructive?: boolean;
  fields?: ReactNode;
  run: (form: FormData) => Promise<Result<T>>;
  success?: string;
  /** What to show after success; null closes the dialog. */
  result?: (data: T, close: () => void) => ReactNode;
  testId?: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ data: T } | null>(null);
  const [pending, start] = useTransition();
  const setOpenState = (o: boolean) => {
    setOpen(o);
    if (o) return;
    setError(null);
    setDone(null);
    if (done !== null) router.refresh();
  };
  const close = () => setOpenState(false);
  const shown = done ? (result?.(done.data, close) ?? null) : null;

  return (
    <Dialog open={open} onOpenChange={setOpenState}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description} data-testid={testId}>
        {shown ?? (
          <form
            className="grid gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              const form = new FormData(e.currentTarget);
              start(async () => {
                const res = await run(form);
                if (!res.ok) return setError(res.error);
                setError(null);
                if (result?.(res.data, close)) return setDone({ data: res.data });
                if (success) toast.success(success);
                setOpen(false);
                router.refresh();
              });
            }}
          >
            {fields}
            <Field id="reauth-password" label="Your password" errors={error ? [error] : undefined}>
              <Input
                id="reauth-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                autoFocus={!fields}
              />
            </Field>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="outline" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={pending}>
                {pending ? "Working…" : confirmLabel}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
