"use client";
import { useEffect, useState } from "react";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useTableUrl } from "./use-table-url";

/** A select bound to one search param; the empty option clears it. */
export function UrlSelect({
  param,
  label,
  options,
  allLabel = "All",
}: {
  param: string;
  label: string;
  options: readonly { value: string; label: string }[];
  allLabel?: string;
}) {
  const { params, set } = useTableUrl();
  return (
    <Select
      aria-label={label}
      data-url-param={param}
      value={params.get(param) ?? ""}
      onChange={(e) => set({ [param]: e.target.value })}
      className="w-auto"
    >
      <option value="">{`${label}: ${allLabel}`}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>{`${label}: ${o.label}`}</option>
      ))}
    </Select>
  );
}

/** A text input bound to one search param, applied after the user pauses typing. */
export function UrlSearch({
  param = "q",
  label,
  placeholder,
  className,
}: {
  param?: string;
  label: string;
  placeholder?: string;
  className?: string;
}) {
  const { params, set } = useTableUrl();
  const current = params.get(param) ?? "";
  const [value, setValue] = useState(current);
  useEffect(() => setValue(current), [current]);
  useEffect(() => {
    if (value.trim() === current) return;
    const t = setTimeout(() => set({ [param]: value.trim() }), 300);
    return () => clearTimeout(t);
  }, [value, current, param, set]);
  return (
    <Input
      type="search"
      aria-label={label}
      data-url-param={param}
      placeholder={placeholder ?? label}
      value={value}
      className={className ?? "w-64"}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") set({ [param]: value.trim() });
      }}
    />
  );
}
