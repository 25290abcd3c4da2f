import http from "node:http";
import { expect, test } from "@playwright/test";
import { createStaff, db, serverActionId } from "./fixtures";
import { startWebProcess, type WebProcess } from "./web-process";

// A second web process set up as in a deployment behind a reverse proxy on
// the same machine: bound to every interface (HOST=0.0.0.0, the default) and
// trusting loopback as its proxy. These requests come from loopback, so their
// X-Forwarded-* headers are what "the proxy" says. Plain node:http without a
// cookie jar, so that every header sent and received is the test's own (fetch
// would not send another Host header).
let web: WebProcess;
test.beforeAll(async () => {
  web = await startWebProcess({ host: "0.0.0.0", env: { CONSOLE_TRUSTED_PROXIES: "loopback" } });
});
test.afterAll(async () => web?.stop());

type Jar = Map<string, string>;
interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(
  path: string,
  init: { jar: Jar; headers?: Record<string, string>; method?: string; body?: string },
): Promise<Answer> {
  const cookie = [...init.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(path, web.base),
      { method: init.method ?? "GET", headers: { ...init.headers, ...(cookie ? { cookie } : {}) } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => {
          for (const c of res.headers["set-cookie"] ?? []) {
            const pair = c.split(";")[0];
            init.jar.set(pair!.slice(0, pair!.indexOf("=")), pair!.slice(pair!.indexOf("=") + 1));
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const cookieSet = (res: Answer, name: string) =>
  (res.headers["set-cookie"] ?? []).find((c) => c.startsWith(`${name}=`));

/** Signs in through Auth.js's credentials endpoint as the login form's post would. */
async function signInThroughProxy(jar: Jar, email: string, password: string, headers: Record<string, string>) {
  const { csrfToken } = JSON.parse((await send("/api/auth/csrf", { jar, headers })).body) as { csrfToken: string };
  return send("/api/auth/callback/credentials", {
    jar,
    headers: { ...headers, ...FORM },
    method: "POST",
    body: new URLSearchParams({ csrfToken, email, password }).toString(),
  });
}

function callAction(jar: Jar, file: string, name: string, arg: unknown, headers: Record<string, string>) {
  return send("/", {
    jar,
    method: "POST",
    body: JSON.stringify([arg]),
    headers: {
      ...headers,
      "Next-Action": serverActionId(file, name),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
    },
  });
}

test("redirects use the address the browser asked for, never the bind address", async () => {
  const staff = await createStaff("viewer", []);
  const jar: Jar = new Map();
  // The browser reached the server by a name of its own (no proxy headers at all).
  const origin = `http://console.lan:${new URL(web.base).port}`;
  const browser = { Host: new URL(origin).host };
  const locations: string[] = [];
  const keep = (res: Answer, header = "location") =>
    locations.push(String(res.headers[header] ?? `(no ${header}: ${res.status})`));

  keep(await send("/settings", { jar, headers: browser }));
  keep(await send("/api/auth/signin?callbackUrl=/people", { jar, headers: browser }));
  keep(await signInThroughProxy(jar, staff.email, "wrong", browser));
  keep(await signInThroughProxy(jar, staff.email, staff.password, browser));
  expect(jar.has("authjs.session-token")).toBe(true);
  // The console's sign-out button: a server action that signs out through Auth.js and redirects.
  keep(
    await callAction(jar, "lib/auth/sign-in-actions.ts", "signOutAction", null, { ...browser, Origin: origin }),
    "x-action-redirect",
  );
  const { csrfToken } = JSON.parse((await send("/api/auth/csrf", { jar, headers: browser })).body) as {
    csrfToken: string;
  };
  keep(
    await send("/api/auth/signout", {
      jar,
      headers: { ...browser, ...FORM },
      method: "POST",
      body: new URLSearchParams({ csrfToken, callbackUrl: "/login" }).toString(),
    }),
  );

  expect(locations).toHaveLength(6);
  for (const location of locations) {
    expect(location).not.toContain("0.0.0.0");
    const url = new URL(location.replace(/;\w+$/, ""), origin); // x-action-redirect ends in ";push" or ";replace"
    expect(url.origin, location).toBe(origin);
    // Auth.js's callbackUrl parameter is a URL too.
    const callback = url.searchParams.get("callbackUrl");
    if (callback) expect(new URL(callback).origin, location).toBe(origin);
  }
});

test(
  "behind a trusted proxy: its X-Forwarded-For names the client, " + "and https brings HSTS and Secure cookies",
  async () => {
    const prisma = await db();
    const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
    const staff = await createStaff("viewer", [tenant.id]);
    const jar: Jar = new Map();
    // The client said it was 203.0.113.9; the proxy saw 198.51.100.23, appended it, and terminated TLS.
    const proxy = {
      "X-Forwarded-Proto": "https",
      "X-Forwarded-Host": "console.example",
      "X-Forwarded-For": "203.0.113.9, 198.51.100.23",
    };

    const signedIn = await signInThroughProxy(jar, staff.email, staff.password, proxy);
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.location).toMatch(/^https:\/\/console\.example\//);
    expect(cookieSet(signedIn, "__Secure-authjs.session-token")).toMatch(/; Secure/i);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "staff.signed_in", actorId: staff.id },
      orderBy: { seq: "desc" },
    });
    expect(event.ip).toBe("198.51.100.23");

    const page = await send("/", { jar, headers: proxy });
    expect(page.status).toBe(200);
    expect(page.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(page.headers["content-security-policy"]).toContain("upgrade-insecure-requests");

    // The tenant cookie, which the console sets itself, is Secure as well.
    const switched = await callAction(
      jar,
      "lib/tenants/switch-tenant.ts",
      "switchTenant",
      { tenantId: tenant.id },
      { ...proxy, Origin: "https://console.example" },
    );
    expect(switched.body).toContain('"ok":true');
    expect(cookieSet(switched, "console-tenant")).toMatch(/; Secure/i);

    // The same proxy forwarding plain http: no HSTS.
    const plain = await send("/login", { jar: new Map(), headers: { ...proxy, "X-Forwarded-Proto": "http" } });
    expect(plain.status).toBe(200);
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
  },
);
