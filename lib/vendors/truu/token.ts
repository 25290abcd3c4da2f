import { type FetchLike, type RetryPolicy, readJson, vendorFetch } from "../core/http";
import { TokenResponse } from "./schemas";

export interface TruuCredentials {
  clientId: string;
  clientSecret: string;
}

/** The scope of TruU's "User Operations" OAuth client. */
export const TRUU_SCOPE = "tenant-management-api-user";

interface TokenSourceOptions {
  baseUrl: string;
  credentials: TruuCredentials;
  fetch: FetchLike;
  timeoutMs: number;
  retry?: RetryPolicy;
  now: () => number;
}

interface Cached {
  token: string;
  /** When to stop using it: a little before TruU says it expires. */
  refreshAt: number;
}

/**
 * The client-credentials token, cached until shortly before `expires_in`.
 * Concurrent callers share one token request, so a burst of parallel page
 * reads does not mint a token each.
 */
export class TokenSource {
  private cached: Cached | null = null;
  private pending: Promise<string> | null = null;

  constructor(private readonly opts: TokenSourceOptions) {}

  async get(): Promise<string> {
    if (this.cached && this.opts.now() < this.cached.refreshAt) return this.cached.token;
    this.pending ??= this.request().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Drops a token the vendor refused, unless a newer one already replaced it. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = null;
  }

  private async request(): Promise<string> {
    const { baseUrl, credentials } = this.opts;
    const body = new URLSearchParams({
      grant_type: "client_credentials",
      scope: TRUU_SCOPE,
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    });
    const issuedAt = this.opts.now();
    const res = await vendorFetch({
      vendor: "truu",
      operation: "token",
      url: `${baseUrl}/oauth/token`,
      init: {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: body.toString(),
      },
      fetch: this.opts.fetch,
      timeoutMs: this.opts.timeoutMs,
      retry: this.opts.retry,
      // Asking for a token twice is harmless.
      idempotent: true,
    });
    const t = await readJson(res, TokenResponse, "truu", "token");
    const ttlMs = t.expires_in * 1000;
    // Refresh a minute early (a tenth early for short-lived tokens) so a token never expires mid-request.
    const margin = Math.min(60_000, ttlMs / 10);
    this.cached = { token: t.access_token, refreshAt: issuedAt + ttlMs - margin };
    return t.access_token;
  }
}
