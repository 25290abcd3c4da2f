import { z } from "zod";

/** A sheet's yes/no cell: "yes", "true" or "1" (any case) is yes; empty, absent or anything else is no. */
export const YesCell = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v) => v === "yes" || v === "true" || v === "1");
