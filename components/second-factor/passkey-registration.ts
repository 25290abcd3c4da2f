"use client";
import { startRegistration } from "@simplewebauthn/browser";
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import type { Result } from "@/lib/actions/result";
import { webauthnErrorMessage } from "./webauthn-error";

/**
 * The browser half of adding a passkey: options from the server, the
 * browser's prompt, the answer back to the server. Every failure, the
 * browser's included, comes back as a Result.
 */
export async function registerPasskeyInBrowser<T>(
  options: () => Promise<Result<PublicKeyCredentialCreationOptionsJSON>>,
  verify: (response: RegistrationResponseJSON) => Promise<Result<T>>,
): Promise<Result<T>> {
  const opts = await options();
  if (!opts.ok) return opts;
  let response: RegistrationResponseJSON;
  try {
    response = await startRegistration({ optionsJSON: opts.data });
  } catch (err) {
    return { ok: false, error: webauthnErrorMessage(err) };
  }
  return verify(response);
}
