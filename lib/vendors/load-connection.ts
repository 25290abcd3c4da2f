import { ActionError } from "../actions/result";
import type { Db } from "../db/client";
import { baseUrlRefusal } from "./base-url-policy";
import { VENDOR_LABEL, type VendorId } from "./connection-fields";
import { openConnectionSecrets } from "./connection-record";

/**
 * A connection whose credentials the console will not send: shown to the caller as it is, like any expected refusal.
 */
export class CredentialNotSent extends ActionError {}

/** A vendor connection with its credentials opened: for server code that calls the vendor, never for the browser. */
export interface OpenConnection {
  tenantId: string;
  vendor: VendorId;
  baseUrl: string;
  settings: { domainName?: string | null; network?: string | null; orgId?: string | null };
  secrets: { apiKey?: string; clientId?: string; clientSecret?: string };
}

/**
 * The one place credentials are opened for use. The base URL is checked
 * against the console's policy first (it may have tightened since the
 * connection was saved), and the secrets open only with the URL they were
 * sealed for: a credential never leaves for another host.
 */
export async function loadConnection(db: Db, tenantId: string, vendor: VendorId): Promise<OpenConnection | null> {
  const row = await db.vendorConnection.findUnique({ where: { tenantId_vendor: { tenantId, vendor } } });
  if (!row) return null;
  const refusal = baseUrlRefusal(row.baseUrl);
  if (refusal)
    throw new CredentialNotSent(
      `The console does not send ${VENDOR_LABEL[vendor]} credentials to ${row.baseUrl}: the address ${refusal}.`,
    );
  const secrets = openConnectionSecrets(tenantId, vendor, row);
  if (!secrets) {
    throw new CredentialNotSent(
      `The stored ${VENDOR_LABEL[vendor]} credentials were not entered for ${row.baseUrl} ` +
        `and this ${VENDOR_LABEL[vendor]} account; enter them again in Settings.`,
    );
  }
  return {
    tenantId,
    vendor,
    baseUrl: row.baseUrl,
    settings: (row.settings ?? {}) as OpenConnection["settings"],
    secrets,
  };
}
