"use client";
import { Copy, Download } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { toCsv } from "@/lib/trugrid/csv";

/** Copy a list to the clipboard (one per line) and export it as CSV, both in the browser. */
export function CopyExport({
  name,
  header,
  rows,
  copyColumn = 0,
  label,
}: {
  /** File name without extension. */
  name: string;
  header: string[];
  rows: (string | null)[][];
  copyColumn?: number;
  label: string;
}) {
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(rows.map((r) => r[copyColumn] ?? "").join("\n"));
      toast.success(`Copied ${rows.length} ${label}.`);
    } catch {
      toast.error("The browser did not allow copying. Use the CSV export instead.");
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([toCsv([header, ...rows])], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${name}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };
  return (
    <div className="flex gap-2">
      <Button
        type="button"
        size="sm"
        variant="outline"
        onClick={() => void copy()}
        disabled={!rows.length}
        aria-label={`Copy ${label}`}
      >
        <Copy />
        Copy
      </Button>
      <Button
        type="button"
        size="sm"
        variant="outline"
        onClick={download}
        disabled={!rows.length}
        aria-label={`Export ${label} as CSV`}
      >
        <Download />
        CSV
      </Button>
    </div>
  );
}
