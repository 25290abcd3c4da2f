"use client";
import { Copy, Download } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** Fresh recovery codes, shown this once: only their hashes are kept. */
export function RecoveryCodesPanel({ codes }: { codes: string[] }) {
  const text = codes.join("\n");
  const download = () => {
    const url = URL.createObjectURL(
      new Blob([`Helpdesk console recovery codes (each works once)\n\n${text}\n`], { type: "text/plain" }),
    );
    const a = Object.assign(document.createElement("a"), {
      href: url,
      download: "helpdesk-console-recovery-codes.txt",
    });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div
      role="status"
      className="grid gap-3 rounded-md border border-warning/40 bg-warning/10 p-4 text-sm"
      data-testid="recovery-codes"
    >
      <p>
        <strong>Recovery codes, shown only now.</strong> Keep them somewhere safe, apart from your phone or key: each
        signs you in once if you lose your second factor.
      </p>
      <ul className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm">
        {codes.map((c) => (
          <li key={c} data-testid="recovery-code">
            {c}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          size="sm"
          variant="outline"
          onClick={() => navigator.clipboard.writeText(text).then(() => toast.success("Copied."))}
        >
          <Copy /> Copy
        </Button>
        <Button type="button" size="sm" variant="outline" onClick={download}>
          <Download /> Download
        </Button>
      </div>
    </div>
  );
}

/** The last screen of a dialog that changed a factor: what happened, the new codes if any, and Done. */
export function FactorChangedStep({
  message,
  codes,
  onDone,
}: {
  message?: string;
  codes: string[] | null;
  onDone: () => void;
}) {
  return (
    <div className="grid gap-4">
      {message ? <p className="text-sm">{message}</p> : null}
      {codes ? <RecoveryCodesPanel codes={codes} /> : null}
      <Button type="button" className="justify-self-end" onClick={onDone}>
        Done
      </Button>
    </div>
  );
}
