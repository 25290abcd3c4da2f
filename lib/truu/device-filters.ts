import { oneOf, readTableState, type TableState } from "../table/params";
import { ASSURANCE_VALUES, STALE_DAYS } from "./options";

type Search = Record<string, string | string[] | undefined>;

export const DEVICE_SORTS = ["name", "type", "user", "lastHeard", "assurance", "created"] as const;
export type DeviceSort = (typeof DEVICE_SORTS)[number];


export interface DeviceFilter {
  type?: string;
  assurance?: number;
  active?: boolean;
  /** Not heard from in this many days (or never). */
  staleDays?: number;
}

/** The table's filters from the URL; anything malformed is ignored, since the values reach SQL (as parameters). */
export function readDeviceFilter(search: Search): DeviceFilter {
  const rawType = Array.isArray(search.type) ? search.type[0] : search.type;
  const assurance = oneOf(search, "assurance", ASSURANCE_VALUES);
  const active = oneOf(search, "active", ["yes", "no"] as const);
  const stale = oneOf(search, "stale", STALE_DAYS);
  return {
    type: rawType && /^[A-Z0-9_]{1,40}$/.test(rawType) ? rawType : undefined,
    assurance: assurance ? Number(assurance) : undefined,
    active: active === undefined ? undefined : active === "yes",
    staleDays: stale ? Number(stale) : undefined,
  };
}

export function readDeviceTable(search: Search): { state: TableState<DeviceSort>; filter: DeviceFilter } {
  return { state: readTableState(search, { sortable: DEVICE_SORTS, sort: "lastHeard", dir: "desc" }), filter: readDeviceFilter(search) };
}

/** A LIKE pattern matching the text anywhere, with LIKE's own wildcards taken literally. */
export function containsPattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
