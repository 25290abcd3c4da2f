import type { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { urlEnum } from "../params/fields";
import { type RawParams, readParams } from "../params/read";
import { pageWindow, type TableState, tableSearch, tableState } from "../table/params";
import { parseAssetSearch } from "./asset-search";
import { containsPattern } from "./device-filters";

export const ASSET_SORTS = ["machine", "type"] as const;
export type AssetSort = (typeof ASSET_SORTS)[number];
export const ASSET_TYPES = ["MAC_AGENT", "WINDOWS_AGENT"] as const;

export interface AssetRow {
  id: string;
  vendorId: string;
  machineName: string | null;
  displayName: string | null;
  type: string | null;
  ips: string[];
  macs: string[];
  upns: string[];
  hardware: {
    serialNumber?: string | null;
    manufacturer?: string | null;
    model?: string | null;
    processor?: string | null;
  } | null;
  lastHeardFrom: string | null;
}

export const AssetTableSearch = tableSearch({ sortable: ASSET_SORTS, sort: "machine" }).extend({
  type: urlEnum(ASSET_TYPES).optional(),
});

export function assetTable(v: z.output<typeof AssetTableSearch>) {
  return { state: tableState<AssetSort>(v), type: v.type };
}

export const TRUU_ASSET_CSV_HEADER = [
  "machineName",
  "displayName",
  "type",
  "manufacturer",
  "model",
  "processor",
  "serialNumber",
  "ipAddresses",
  "macAddresses",
  "enrolledAccounts",
  "lastHeardFrom",
] as const;

// A cell holds one value, so a workstation's addresses and accounts share it, space-separated (none has a space).
const spaced = (values: string[]) => values.join(" ");

/** An assets page as the export's columns. */
export const truuAssetCells = (r: AssetRow) => [
  r.machineName,
  r.displayName,
  r.type,
  r.hardware?.manufacturer,
  r.hardware?.model,
  r.hardware?.processor,
  r.hardware?.serialNumber,
  spaced(r.ips),
  spaced(r.macs),
  spaced(r.upns),
  r.lastHeardFrom,
];

/** The same from a raw URL, anything malformed dropped (for callers with no page context). */
export function readAssetTable(search: RawParams) {
  return assetTable(readParams(AssetTableSearch, search).values);
}

/** One page of a tenant's workstations; a full IP or MAC address in the search box is an exact, indexed match. */
export async function listAssets(db: Db, tenantId: string, state: TableState<AssetSort>, type?: string) {
  const parts: Prisma.Sql[] = [Prisma.sql`"tenantId" = ${tenantId}`, Prisma.sql`"deletedAt" IS NULL`];
  if (type) parts.push(Prisma.sql`"type" = ${type}`);
  const search = parseAssetSearch(state.q);
  if (search?.kind === "ip") parts.push(Prisma.sql`"ips" @> ARRAY[${search.ip}]::text[]`);
  if (search?.kind === "mac") parts.push(Prisma.sql`"macs" && ${search.variants}::text[]`);
  if (search?.kind === "text") {
    const like = containsPattern(search.text);
    parts.push(Prisma.sql`(lower("machineName") LIKE ${like} OR lower(array_to_string("upns", ' ')) LIKE ${like}
      OR lower(array_to_string("ips", ' ')) LIKE ${like} OR lower(array_to_string("macs", ' ')) LIKE ${like})`);
  }
  const where = Prisma.join(parts, " AND ");
  const sort = state.sort === "type" ? Prisma.sql`"type"` : Prisma.sql`"machineName"`;
  const dir = state.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const { skip, take } = pageWindow(state);
  const [rows, count] = await Promise.all([
    db.$queryRaw<AssetRow[]>`
      SELECT "id", "vendorId", "machineName", "raw"->>'displayName' AS "displayName", "type", "ips", "macs", "upns",
        "raw"->'hardware' AS "hardware", "raw"->>'lastHeardFrom' AS "lastHeardFrom"
      FROM "TruuAsset" WHERE ${where} ORDER BY ${sort} ${dir}, "id" ${dir} OFFSET ${skip} LIMIT ${take}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "TruuAsset" WHERE ${where}`,
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}
