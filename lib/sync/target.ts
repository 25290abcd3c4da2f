import type { VendorId } from "../vendors/connection-fields";

/** Column types a cache table uses; values travel as text and are cast in SQL. */
export type SqlType = "text" | "int" | "bool" | "timestamptz" | "jsonb" | "text[]";

export interface Column<T> {
  /** The column name as in prisma/schema.prisma (camelCase, quoted in SQL). */
  name: string;
  type: SqlType;
  value: (item: T) => unknown;
}

export type TypedTable =
  | "TrugridUser"
  | "TruuUser"
  | "TruuDevice"
  | "TruuAsset"
  | "TwingateUser"
  | "TwingateDevice"
  | "JumpcloudUser"
  | "JumpcloudSystem";

/**
 * How one vendor resource lands in the cache. A typed table holds one
 * resource; VendorObject and VendorEdge hold many, told apart by `kind`.
 */
export type SyncTarget<T> = {
  vendor: VendorId;
  /** Singular resource name for audit actions: `<vendor>.<resource>.changed_externally`. */
  resource: string;
  vendorId: (item: T) => string;
  /** What is kept as `raw`; the item itself by default. */
  raw?: (item: T) => unknown;
  /** Columns whose change at the vendor is reported as drift; all columns by default. */
  tracked?: string[];
  /** A human label for audit targets (a name, an email). */
  label?: (item: T) => string | null | undefined;
} & (
  | { table: TypedTable; columns: Column<T>[] }
  | { table: "VendorObject"; kind: string; columns: Column<T>[] /* must include name */ }
  | { table: "VendorEdge"; kind: string; columns: Column<T>[] /* must include fromId, toId, attributes */ }
);

/** Lower-cased, trimmed: the key that links one person across vendors. */
export function normEmail(value: string | null | undefined): string {
  return (value ?? "").trim().toLowerCase();
}

/** A vendor timestamp (epoch ms or ISO string) as ISO, or null. */
export function isoTime(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  const d = typeof value === "number" ? new Date(value) : new Date(String(value));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
