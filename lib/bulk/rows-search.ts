import type { z } from "zod";
import { urlEnum } from "../params/fields";
import { tableSearch } from "../table/params";

export const ROW_PLANS = ["create", "update", "no_change", "error"] as const;
export const ROW_STATUSES = ["pending", "sending", "succeeded", "failed", "unknown", "skipped", "cancelled"] as const;

/** The URL of a job page's rows table (a bulk job's or an offboarding's): search, sort, plan and status filters. */
export const BulkRowsSearch = tableSearch({ sortable: ["line", "status"], sort: "line" }).extend({
  plan: urlEnum(ROW_PLANS).optional(),
  status: urlEnum(ROW_STATUSES).optional(),
});
export type BulkRowsSearch = z.output<typeof BulkRowsSearch>;
