import { z } from "zod";

/** A sheet's yes/no cell: "yes", "true" or "1" (any case) is yes; empty, absent or anything else is no. */
export const YesCell = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v) => v === "yes" || v === "true" || v === "1");

/** An optional text of at most `max` characters; an empty cell is absent. */
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

/** An empty cell as no value at all, so that an optional column's schema sees it absent. */
export const absentIfBlank = (v: unknown) => (v === "" || v === null ? undefined : v);
