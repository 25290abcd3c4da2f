import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import { actAs } from "../../test/session-as";
import { loadStaff, type Staff } from "../auth/staff";
import { seal } from "../crypto/secret-box";
import { connectionRecord, legacyConnectionAad } from "../vendors/connection-record";
import { loadConnection } from "../vendors/load-connection";
import { rebindLegacyCredentials } from "../vendors/rebind-credentials";

// A stored vendor secret goes only to the address it was entered for: two real listeners on
// loopback stand for the vendor and for a host an attacker controls, and record every request.

vi.mock("../auth/session", () => import("../../test/session-as"));
const actions = () => import("./actions");
const tester = () => import("./test-connection");

const SECRET = "trugrid-secret-key-0123456789";
interface Listener {
  url: string;
  seen: { headers: Record<string, unknown>; url: string }[];
  server: Server;
}
async function listener(): Promise<Listener> {
  const seen: Listener["seen"] = [];
  const server = createServer((req, res) => {
    seen.push({ headers: req.headers, url: req.url ?? "" });
    res.writeHead(200, { "content-type": "application/json" });
    res.end("[]");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

let t: TestDatabase;
let tenantId: string;
let admin: Staff;
let vendorHost: Listener;
let attackerHost: Listener;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  tenantId = (await makeTenant(t.db, "Contoso")).id;
  admin = await makeStaff(t.db, { role: "admin", tenantIds: [tenantId] });
  actAs(await loadStaff(t.db, admin.id));
  [vendorHost, attackerHost] = await Promise.all([listener(), listener()]);
});
afterAll(async () => {
  for (const l of [vendorHost, attackerHost]) l?.server.close();
  await t?.drop();
});

const save = async (baseUrl: string, apiKey = "") =>
  (await actions()).saveVendorConnection({ tenantId, vendor: "trugrid", baseUrl, apiKey, domainName: "contoso.com" });
const keysSeenBy = (l: Listener) => l.seen.map((s) => s.headers.api_key).filter(Boolean);

describe("a stored vendor credential", () => {
  it("is used for the host it was entered for", async () => {
    expect(await save(vendorHost.url, SECRET)).toMatchObject({ ok: true });
    expect(await (await tester()).testVendorConnection({ tenantId, vendor: "trugrid" })).toMatchObject({ ok: true });
    expect(keysSeenBy(vendorHost)).toEqual([SECRET]);
  });

  it("is not kept when the base URL changes without it, and never reaches the new host", async () => {
    const res = await save(attackerHost.url);
    expect(res).toMatchObject({
      ok: false,
      error: expect.stringMatching(/base URL or the TruGrid account it names changed: enter the API key/),
    });
    expect((await t.db.vendorConnection.findFirstOrThrow({ where: { tenantId } })).baseUrl).toBe(vendorHost.url);
    await (await tester()).testVendorConnection({ tenantId, vendor: "trugrid" });
    expect(attackerHost.seen).toEqual([]);
  });

  it("does not open for a URL changed behind the console's back", async () => {
    await t.db.vendorConnection.updateMany({ where: { tenantId }, data: { baseUrl: attackerHost.url } });
    const res = await (await tester()).testVendorConnection({ tenantId, vendor: "trugrid" });
    expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/were not entered for/) });
    expect(attackerHost.seen).toEqual([]);
    await t.db.vendorConnection.updateMany({ where: { tenantId }, data: { baseUrl: vendorHost.url } });
  });

  it("is replaced, not moved, when a new URL comes with a new secret", async () => {
    expect(await save(attackerHost.url, "a-new-key-for-the-new-host")).toMatchObject({ ok: true });
    await (await tester()).testVendorConnection({ tenantId, vendor: "trugrid" });
    expect(keysSeenBy(attackerHost)).toEqual(["a-new-key-for-the-new-host"]);
    expect(new Set(keysSeenBy(vendorHost))).toEqual(new Set([SECRET]));
  });

  it("is not kept when the vendor account it names changes, and never names another tenant's account", async () => {
    await save(vendorHost.url, SECRET);
    const other = (await makeTenant(t.db, "Fabrikam")).id;
    await t.db.vendorConnection.create({
      data: {
        tenantId: other,
        vendor: "trugrid",
        ...connectionRecord(
          other,
          "trugrid",
          vendorHost.url,
          { apiKey: "fabrikam-key" },
          { domainName: "fabrikam.example" },
        ),
      },
    });
    const actions_ = await actions();
    // The same MSP key, pointed at another customer's domain: refused whether or not the key is given again.
    for (const apiKey of ["", SECRET]) {
      const res = await actions_.saveVendorConnection({
        tenantId,
        vendor: "trugrid",
        baseUrl: vendorHost.url,
        apiKey,
        domainName: "Fabrikam.example",
      });
      expect(res).toMatchObject({
        ok: false,
        error: expect.stringMatching(/Another tenant is already connected to this TruGrid account/),
      });
      expect(await t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } })).toMatchObject({
        action: "tenant.connection_saved",
        outcome: "denied",
      });
    }
    // Another domain of no tenant: the stored key is not carried over to it.
    expect(
      await actions_.saveVendorConnection({
        tenantId,
        vendor: "trugrid",
        baseUrl: vendorHost.url,
        apiKey: "",
        domainName: "elsewhere.example",
      }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/TruGrid account it names changed: enter the API key/) });
    // Changed behind the console's back, the credential no longer opens.
    await t.db.vendorConnection.updateMany({
      where: { tenantId },
      data: { settings: { domainName: "fabrikam.example" } },
    });
    await expect(loadConnection(t.db, tenantId, "trugrid")).rejects.toThrow(/were not entered for/);
    await t.db.vendorConnection.updateMany({ where: { tenantId }, data: { settings: { domainName: "contoso.com" } } });
    expect(await loadConnection(t.db, tenantId, "trugrid")).toMatchObject({ secrets: { apiKey: SECRET } });
  });

  it("goes only to https addresses outside demo and test mode, or to the listed ones", async () => {
    expect(await save("http://vendor.example.com", SECRET)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/https/),
    });
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("CONSOLE_DEMO", "0");
    try {
      // Loopback http is for the simulators only: outside demo mode even a stored one is not used.
      expect(await save(vendorHost.url, SECRET)).toMatchObject({ ok: false, error: expect.stringMatching(/https/) });
      await expect(loadConnection(t.db, tenantId, "trugrid")).rejects.toThrow(/does not send TruGrid credentials/);
      const stored = (await t.db.vendorConnection.findFirstOrThrow({ where: { tenantId } })).baseUrl;
      vi.stubEnv("CONSOLE_VENDOR_URL_ALLOWLIST", stored);
      expect(await loadConnection(t.db, tenantId, "trugrid")).toMatchObject({ baseUrl: stored });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("sealed before URLs were bound is bound to its URL at start", async () => {
    const other = (await makeTenant(t.db, "Legacy")).id;
    await t.db.vendorConnection.create({
      data: {
        tenantId: other,
        vendor: "trugrid",
        baseUrl: vendorHost.url,
        settings: { domainName: "legacy.example" },
        credentialsHint: "",
        credentials: seal(JSON.stringify({ apiKey: "legacy-key" }), legacyConnectionAad(other, "trugrid")),
      },
    });
    await expect(loadConnection(t.db, other, "trugrid")).rejects.toThrow(/not entered for/);
    expect(await rebindLegacyCredentials(t.db)).toEqual({ rebound: 1, unreadable: 0 });
    expect(await loadConnection(t.db, other, "trugrid")).toMatchObject({ secrets: { apiKey: "legacy-key" } });
    expect(await rebindLegacyCredentials(t.db)).toEqual({ rebound: 0, unreadable: 0 });
  });
});
