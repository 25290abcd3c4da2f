"use client";
import { Download } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { buttonVariants } from "@/components/ui/button";

/** Downloads every row matching the table's current URL filters (not just this page) as CSV from `href`. */
export function ExportButton({
  href,
  tenantId,
  label = "Export CSV",
}: {
  href: string;
  tenantId: string;
  label?: string;
}) {
  const params = new URLSearchParams(useSearchParams().toString());
  params.delete("page");
  params.delete("size");
  params.set("tenantId", tenantId);
  return (
    <a
      href={`${href}?${params}`}
      download
      className={buttonVariants({ variant: "outline", size: "sm" })}
      data-testid="export-csv"
    >
      <Download />
      {label}
    </a>
  );
}
