import { z } from "zod";
import { urlEnum } from "../params/fields";
import { type RawParams, readParams } from "../params/read";
import { type TableState, tableSearch, tableState } from "../table/params";
import { ASSURANCE_VALUES, STALE_DAYS } from "./options";

export const DEVICE_SORTS = ["name", "type", "user", "lastHeard", "assurance", "created"] as const;
export type DeviceSort = (typeof DEVICE_SORTS)[number];

export interface DeviceFilter {
  type?: string;
  assurance?: number;
  active?: boolean;
  /** Not heard from in this many days (or never). */
  staleDays?: number;
}

/**
 * The devices table's URL, for the page and for the CSV export of the same view; the values reach SQL (as
 * parameters).
 */
export const DeviceTableSearch = tableSearch({ sortable: DEVICE_SORTS, sort: "lastHeard", dir: "desc" }).extend({
  type: z
    .string()
    .regex(/^[A-Z0-9_]{1,40}$/, "an unknown device type")
    .optional(),
  assurance: urlEnum(ASSURANCE_VALUES).transform(Number).optional(),
  active: urlEnum(["yes", "no"])
    .transform((v) => v === "yes")
    .optional(),
  stale: urlEnum(STALE_DAYS).transform(Number).optional(),
});

/** The table's state and filter from its parsed URL. */
export function deviceTable(v: z.output<typeof DeviceTableSearch>): {
  state: TableState<DeviceSort>;
  filter: DeviceFilter;
} {
  return {
    state: tableState(v),
    filter: { type: v.type, assurance: v.assurance, active: v.active, staleDays: v.stale },
  };
}

/** The same from a raw URL, anything malformed dropped (for callers with no page context). */
export function readDeviceTable(search: RawParams) {
  return deviceTable(readParams(DeviceTableSearch, search).values);
}

/** A LIKE pattern matching the text anywhere, with LIKE's own wildcards taken literally. */
export function containsPattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
