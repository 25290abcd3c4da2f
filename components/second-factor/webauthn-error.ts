/** What to tell someone whose browser refused or abandoned a passkey prompt. */
export function webauthnErrorMessage(err: unknown): string {
  const name = err instanceof Error ? err.name : "";
  if (name === "NotAllowedError" || name === "AbortError")
    return "The passkey prompt was closed or timed out. Try again when ready.";
  if (name === "InvalidStateError") return "This authenticator already holds a passkey for your account.";
  if (name === "SecurityError") {
    return (
      "This browser refuses passkeys at this address: open the console by its host name over HTTPS (or at " +
      "localhost), not by an IP address."
    );
  }
  if (typeof window !== "undefined" && !window.PublicKeyCredential) return "This browser does not support passkeys.";
  return err instanceof Error ? err.message : "The passkey prompt failed.";
}
