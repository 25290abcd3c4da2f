import { randomBytes } from "node:crypto";
import { json, type SimRequest, type SimResponse } from "../core/http-server";
import type { TruuSimCredentials } from "./credentials";

/** What TruU states in `expires_in`. */
export const TOKEN_EXPIRES_IN = 7199;
const SCOPE = "tenant-management-api-user";

/**
 * TruU's OAuth token endpoint and bearer-token check. A `tokenTtlSeconds`
 * fault makes tokens die early while `expires_in` still says 7199, which is
 * what a revoked or server-side-expired token looks like to a client.
 */
export class TokenIssuer {
  private readonly tokens = new Map<string, number>();

  constructor(
    private readonly credentials: TruuSimCredentials,
    private readonly tenantKey: string,
    private readonly ttlSeconds: () => number | undefined,
  ) {}

  issue(req: SimRequest): SimResponse {
    const form = new URLSearchParams(req.body);
    let clientId = form.get("client_id");
    let clientSecret = form.get("client_secret");
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? "");
    if (basic && clientId === null) {
      const [id = "", ...rest] = Buffer.from(basic[1] ?? "", "base64")
        .toString("utf8")
        .split(":");
      clientId = decodeURIComponent(id);
      clientSecret = decodeURIComponent(rest.join(":"));
    }
    if (form.get("grant_type") !== "client_credentials") return json(400, { error: "unsupported_grant_type" });
    if (clientId !== this.credentials.clientId || clientSecret !== this.credentials.clientSecret)
      return json(401, { error: "invalid_client" });
    if (form.get("scope") !== SCOPE) return json(400, { error: "invalid_scope" });
    const token = `eyJ${randomBytes(48).toString("base64url")}`;
    this.tokens.set(token, Date.now() + (this.ttlSeconds() ?? TOKEN_EXPIRES_IN) * 1000);
    return json(200, {
      access_token: token,
      token_type: "Bearer",
      expires_in: TOKEN_EXPIRES_IN,
      scope: SCOPE,
      domain: this.tenantKey,
      ver: "2.0",
      jti: randomBytes(20).toString("base64url").slice(0, 27),
    });
  }

  /** null when the request may proceed, else TruU's refusal. */
  check(req: SimRequest): SimResponse | null {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    const challenge = { "www-authenticate": 'Bearer realm="api"' };
    const token = m?.[1];
    if (!token) return json(401, { detail: "Authentication credentials were not provided." }, challenge);
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return json(401, { detail: "Invalid token." }, challenge);
    if (Date.now() >= expiresAt) {
      this.tokens.delete(token);
      return json(401, { detail: "Token has expired." }, challenge);
    }
    return null;
  }

  revokeAll(): number {
    const n = this.tokens.size;
    this.tokens.clear();
    return n;
  }
}
