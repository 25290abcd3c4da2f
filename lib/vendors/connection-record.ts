import { mask, seal, tryOpen } from "../crypto/secret-box";
import type { Prisma } from "../generated/prisma/client";
import { CONNECTION_FIELDS, type VendorId } from "./connection-fields";

export type ConnectionSecrets = Partial<Record<"apiKey" | "clientId" | "clientSecret", string>>;
export type ConnectionSettings = Partial<Record<"domainName" | "network" | "orgId", string | null>>;

/** The settings a vendor's connection keeps, in its field order, empty ones as null. */
export function connectionSettings(vendor: VendorId, settings: ConnectionSettings): Record<string, string | null> {
  return Object.fromEntries(CONNECTION_FIELDS[vendor].settings.map((s) => [s.key, settings[s.key] || null]));
}

/** The stored form of a connection: secrets sealed to their row, a masked hint, plain settings. */
export function connectionRecord(
  tenantId: string,
  vendor: VendorId,
  baseUrl: string,
  secrets: ConnectionSecrets,
  settings: ConnectionSettings,
) {
  const kept = connectionSettings(vendor, settings);
  return {
    baseUrl,
    settings: kept as Prisma.InputJsonValue,
    credentials: seal(JSON.stringify(secrets), connectionAad(tenantId, vendor, { baseUrl, settings: kept })),
    credentialsHint: CONNECTION_FIELDS[vendor].secrets
      .map((s) => `${s.label}: ${mask(secrets[s.key] ?? "")}`)
      .join("; "),
  };
}

/**
 * Where a credential acts: the host it goes to and the vendor account it
 * names there (TruGrid's domain, Twingate's network, JumpCloud's
 * organisation: one MSP key can reach many customers, chosen per request).
 */
export function connectionTarget(vendor: VendorId, c: { baseUrl: string; settings: unknown }): string {
  const settings = (c.settings ?? {}) as ConnectionSettings;
  return [
    c.baseUrl,
    ...CONNECTION_FIELDS[vendor].settings.map((s) => `${s.key}=${(settings[s.key] ?? "").toLowerCase()}`),
  ].join("\n");
}

/**
 * Binds a sealed secret to its tenant, vendor and the target it was entered
 * for: moved to another row, or the row's URL or vendor account changed
 * behind the console's back, it no longer opens, so it can only ever act
 * where it was entered for.
 */
export function connectionAad(
  tenantId: string,
  vendor: VendorId,
  target: { baseUrl: string; settings: unknown },
): string {
  return `${tenantId}:${vendor}:${connectionTarget(vendor, target)}`;
}

/**
 * A stored connection's secrets, opened for the target it has now;
 * null when they were sealed for another one (or with another key).
 */
export function openConnectionSecrets(
  tenantId: string,
  vendor: VendorId,
  row: { baseUrl: string; settings: unknown; credentials: string },
): ConnectionSecrets | null {
  const text = tryOpen(row.credentials, connectionAad(tenantId, vendor, row));
  return text === null ? null : (JSON.parse(text) as ConnectionSecrets);
}

/**
 * The binding sealed secrets had before their target was part of it; only lib/vendors/rebind-credentials.ts reads it.
 */
export function legacyConnectionAad(tenantId: string, vendor: VendorId): string {
  return `${tenantId}:${vendor}`;
}
