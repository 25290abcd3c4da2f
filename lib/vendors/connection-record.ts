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
    credentials: seal(JSON.stringify(secrets), connectionAad(tenantId, vendor)),
    credentialsHint: CONNECTION_FIELDS[vendor].secrets.map((s) => `${s.label}: ${mask(secrets[s.key] ?? "")}`).join("; "),
  };
}

/** Binds a sealed secret to its tenant and vendor. */
export function connectionAad(tenantId: string, vendor: VendorId): string {
  return `${tenantId}:${vendor}`;
}
