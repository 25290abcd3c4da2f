"use client";
import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { planBulkUpload } from "@/lib/bulk/actions";
import { CSV_EXTENSIONS, MAX_FILE_BYTES, MAX_ROWS, uploadRefusal } from "@/lib/bulk/upload-limits";
import { cn } from "@/lib/ui/cn";
import { VENDOR_LABEL, type VendorId } from "@/lib/vendors/connection-fields";

export interface OperationChoice {
  id: string;
  label: string;
  vendor: string;
  connected: boolean;
}

/** Choose an operation, drop a CSV, get a plan. Nothing is sent to a vendor here. */
export function UploadForm({ tenantId, operations }: { tenantId: string; operations: OperationChoice[] }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [operation, setOperation] = useState(operations.find((o) => o.connected)?.id ?? "");

  // A file over a limit is named at once and never sent: the server would
  // refuse it too, and a body past Next.js's own limit would fail without a word.
  const choose = (f: File | null) => {
    setFile(f);
    setError(f ? uploadRefusal(f) : null);
  };

  const submit = async () => {
    if (!file || !operation) return;
    const refused = uploadRefusal(file);
    if (refused) {
      setError(refused);
      return;
    }
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.set("tenantId", tenantId);
    form.set("operation", operation);
    form.set("file", file);
    try {
      const res = await planBulkUpload(form);
      if (res.ok) {
        toast.success("Plan ready: check it, then confirm.");
        router.push(`/bulk/${res.data.jobId}`);
      } else {
        // A field's own message says more than the general one.
        setError(Object.values(res.fieldErrors ?? {}).flat()[0] ?? res.error);
      }
    } catch {
      setError("The upload did not reach the console. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label="Upload a CSV"
    >
      <div className="grid gap-1.5">
        <Label htmlFor="bulk-operation">Operation</Label>
        <Select id="bulk-operation" value={operation} onChange={(e) => setOperation(e.target.value)}>
          {/* Grouped by vendor, in the order the operations come (the catalogue's). */}
          {[...new Set(operations.map((o) => o.vendor))].map((vendor) => (
            <optgroup key={vendor} label={vendor in VENDOR_LABEL ? VENDOR_LABEL[vendor as VendorId] : "Every vendor"}>
              {operations
                .filter((o) => o.vendor === vendor)
                .map((o) => (
                  <option key={o.id} value={o.id} disabled={!o.connected}>
                    {o.label}
                    {o.connected ? "" : " (not connected)"}
                  </option>
                ))}
            </optgroup>
          ))}
        </Select>
      </div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a mouse shortcut for
          the drop zone; keyboard users reach the focusable file input inside it */}
      <div
        className={cn(
          "flex cursor-pointer flex-col items-center justify-center gap-2 rounded-md border-2 border-dashed p-6 " +
            "text-sm text-muted-foreground",
          dragging && "border-primary bg-accent",
        )}
        onClick={() => input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          choose(e.dataTransfer.files[0] ?? null);
        }}
        data-testid="bulk-drop-zone"
      >
        <Upload className="size-6" />
        {file ? (
          <span className="text-foreground">
            {file.name} (
            {file.size < 1048576 ? `${(file.size / 1024).toFixed(1)} KB` : `${(file.size / 1048576).toFixed(1)} MB`})
          </span>
        ) : (
          <span>
            Drop a CSV file here, or click to choose one (up to {MAX_ROWS.toLocaleString("en")} rows,{" "}
            {MAX_FILE_BYTES / 1048576} MB)
          </span>
        )}
        <input
          ref={input}
          type="file"
          accept={[...CSV_EXTENSIONS, "text/csv"].join(",")}
          className="sr-only"
          aria-label="CSV file"
          data-testid="bulk-file"
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
      </div>
      {error ? (
        <p
          className="rounded-md border border-destructive/50 bg-destructive/10 p-3 text-sm"
          role="alert"
          data-testid="bulk-upload-error"
        >
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={!file || !operation || busy}>
        {busy ? "Planning…" : "Upload and plan"}
      </Button>
    </form>
  );
}
