import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { loadOrCreateSecret } from "../config/data-dir";
import { db } from "../db";
import { clientIp, userAgent } from "./client-ip";
import { oidcProvider, ssoStaffFor } from "./oidc";
import { safeRedirectUrl } from "./safe-redirect";
import { readSignInGrant } from "./sign-in-grant";
import { loadStaff } from "./staff";
import { verifySignIn } from "./verify-sign-in";

class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

/**
 * A password posted straight to Auth.js for an account that has (or must have) a second factor: the sign-in page
 * asks for it.
 */
class SecondFactorNeeded extends CredentialsSignin {
  code = "second_factor";
}

const SESSION_HOURS = Number(process.env.CONSOLE_SESSION_HOURS ?? 8);
export const SESSION_ABSOLUTE_HOURS = Number(process.env.CONSOLE_SESSION_ABSOLUTE_HOURS ?? 24);
/** The key of the session cookie's encryption. */
export const authSecret = () => process.env.AUTH_SECRET ?? loadOrCreateSecret("auth-secret");
// No control characters in the email: it is looked up and counted in Postgres, which refuses NUL outright.
export const PasswordCredentials = z.object({
  email: z
    .string()
    .trim()
    .min(1)
    .max(320)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refuses control characters, which Postgres rejects
    .regex(/^[^\u0000-\u001f\u007f]+$/),
  password: z.string().min(1).max(1024),
});

/**
 * The session's user for a grant minted by the console's sign-in steps (lib/auth/start-session.ts), if it still
 * holds.
 */
async function userFromGrant(token: unknown) {
  const grant = await readSignInGrant(token, authSecret());
  if (!grant) return null;
  const staff = await loadStaff(db(), grant.staffId);
  if (!staff || staff.sessionVersion !== grant.sessionVersion) return null;
  return { id: staff.id, email: staff.email, name: staff.name, sv: staff.sessionVersion };
}

function config(): NextAuthConfig {
  const oidc = oidcProvider();
  return {
    trustHost: true,
    secret: authSecret(),
    // Idle expiry: the cookie lives SESSION_HOURS past the last refresh; the
    // jwt callback below also ends every session SESSION_ABSOLUTE_HOURS after sign-in.
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600, updateAge: 15 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, grant: {} },
        // Two ways in: the grant the console's own sign-in steps mint after
        // the password and any second factor, or (for scripts posting to
        // /api/auth/callback/credentials) a password alone, only for an
        // account that needs no second factor.
        async authorize(raw, request) {
          if (raw.grant !== undefined) return userFromGrant(raw.grant);
          const parsed = PasswordCredentials.safeParse(raw);
          if (!parsed.success) return null;
          const result = await verifySignIn(db(), {
            ...parsed.data,
            ip: clientIp(request.headers),
            userAgent: userAgent(request.headers),
          });
          if (!result.ok) {
            if (result.reason === "throttled") throw new ThrottledSignIn();
            return null;
          }
          if (result.next !== "none") throw new SecondFactorNeeded();
          return {
            id: result.staff.id,
            email: result.staff.email,
            name: result.staff.name,
            sv: result.staff.sessionVersion,
          };
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      // Only the console's own origin may follow a sign-in or sign-out.
      redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        // Single sign-on proves who someone is; the console still decides
        // whether they are staff: only an existing, active account may enter.
        const staff = await ssoStaffFor(user.email);
        const meta = { ip: null, userAgent: null };
        if (!staff) {
          await recordAudit(db(), {
            action: "staff.sign_in_failed",
            actor: null,
            ...meta,
            outcome: "failure",
            targets: [{ type: "staff_user", id: String(user.email ?? "unknown") }],
            reason: "single sign-on identity is not an active staff account",
          });
          return false;
        }
        await recordAudit(db(), {
          action: "staff.signed_in",
          actor: { id: staff.id, email: staff.email, name: staff.name },
          ...meta,
          targets: [{ type: "staff_user", id: staff.id, label: staff.email }],
          outcome: "success",
          after: { method: "oidc" },
        });
        return true;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const staff = account.provider === "oidc" ? await ssoStaffFor(user.email) : null;
          token.sid = staff?.id ?? user.id;
          token.sv = staff?.sessionVersion ?? (user as { sv?: number }).sv ?? 0;
          token.signedInAt = Date.now();
        }
        if (typeof token.signedInAt === "number" && Date.now() - token.signedInAt > SESSION_ABSOLUTE_HOURS * 3600_000)
          return null;
        return token;
      },
      async session({ session, token }) {
        return { ...session, staffId: token.sid as string, sessionVersion: token.sv as number };
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
