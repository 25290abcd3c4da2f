import { mask, seal } from "../crypto/secret-box";
import type { Prisma } from "../generated/prisma/client";
import { CONNECTION_FIELDS, type VendorId } from "./connection-fields";

export type ConnectionSecrets = Partial<Record<"apiKey" | "clientId" | "clientSecret", string>>;
export type ConnectionSettings = Partial<Record<"domainName" | "network" | "orgId", string | null>>;

/** The stored form of a connection: secrets sealed to their row, a masked hint, plain settings. */
export function connectionRecord(tenantId: string, vendor: VendorId, baseUrl: string, secrets: ConnectionSecrets, settings: ConnectionSettings) {
  return {
    baseUrl,
    settings: Object.fromEntries(CONNECTION_FIELDS[vendor].settings.map((s) => [s.key, settings[s.key] ?? null])) as Prisma.InputJsonValue,
    credentials: seal(JSON.stringify(secrets), connectionAad(tenantId, vendor, baseUrl)),
    credentialsHint: CONNECTION_FIELDS[vendor].secrets.map((s) => `${s.label}: ${mask(secrets[s.key] ?? "")}`).join("; "),
  };
}

/**
 * Binds a sealed secret to its tenant, vendor and the base URL it was
 * entered for: moved to another row, or the row's URL changed behind the
 * console's back, it no longer opens, so it can only ever go where it was
 * entered for.
 */
export function connectionAad(tenantId: string, vendor: VendorId, baseUrl: string): string {
  return `${tenantId}:${vendor}:${baseUrl}`;
}

/** The binding sealed secrets had before the base URL was part of it; only lib/vendors/rebind-credentials.ts reads it. */
export function legacyConnectionAad(tenantId: string, vendor: VendorId): string {
  return `${tenantId}:${vendor}`;
}
