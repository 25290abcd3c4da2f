"use client";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { PAGE_SIZES } from "@/lib/table/params";

export function Pagination({
  page,
  size,
  total,
  estimated = false,
  onPage,
  onSize,
}: {
  page: number;
  size: number;
  total: number;
  /** The total is Postgres's estimate (a count too large to be exact cheaply). */
  estimated?: boolean;
  onPage: (page: number) => void;
  onSize: (size: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / size));
  const from = total === 0 ? 0 : (page - 1) * size + 1;
  const to = Math.min(total, page * size);
  return (
    <nav className="flex flex-wrap items-center justify-between gap-3 text-sm" aria-label="Pages">
      <span className="text-muted-foreground" data-testid="table-range">
        {from.toLocaleString("en")}–{to.toLocaleString("en")} of {estimated ? "about " : ""}
        {total.toLocaleString("en")}
      </span>
      <div className="flex items-center gap-2">
        <Select
          aria-label="Rows per page"
          value={String(size)}
          onChange={(e) => onSize(Number(e.target.value))}
          className="w-auto"
        >
          {PAGE_SIZES.map((s) => (
            <option key={s} value={s}>
              {s} per page
            </option>
          ))}
        </Select>
        <Button
          variant="outline"
          size="sm"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
          aria-label="Previous page"
        >
          <ChevronLeft />
        </Button>
        <span aria-live="polite">
          Page {page} of {estimated ? "about " : ""}
          {pages.toLocaleString("en")}
        </span>
        <Button
          variant="outline"
          size="sm"
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
          aria-label="Next page"
        >
          <ChevronRight />
        </Button>
      </div>
    </nav>
  );
}
