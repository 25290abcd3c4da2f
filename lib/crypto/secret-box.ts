import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { loadOrCreateSecret } from "../config/data-dir";

// Vendor credentials are sealed with AES-256-GCM. The associated data binds a
// ciphertext to its row (tenant and vendor), so a sealed key copied onto
// another tenant's connection fails to open instead of working there.

function key(): Buffer {
  const raw = process.env.CONSOLE_ENCRYPTION_KEY ?? loadOrCreateSecret("encryption.key");
  const k = Buffer.from(raw, "base64");
  if (k.length !== 32) throw new Error("CONSOLE_ENCRYPTION_KEY must be 32 bytes, base64-encoded.");
  return k;
}

export function seal(plaintext: string, associatedData: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(Buffer.from(associatedData));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(".");
}

export function open(sealed: string, associatedData: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Unrecognised sealed value.");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
}

/**
 * open(), or null when the value does not open with this key and associated data (tampered, moved, sealed for another).
 */
export function tryOpen(sealed: string, associatedData: string): string | null {
  try {
    return open(sealed, associatedData);
  } catch {
    return null;
  }
}

/** What the UI may show of a secret: its length class and last four characters. */
export function mask(secret: string): string {
  if (secret.length <= 8) return "••••";
  return `••••${secret.slice(-4)}`;
}
